package dev.newswire.store.jdbc;

/** The database failed; the message says what and what to check. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
