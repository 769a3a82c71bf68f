package dev.newswire.pipeline.fetch;

/** A URL the {@link AddressGuard} will not let us fetch. The message is written for the admin. */
public class RefusedAddressException extends Exception {
  public RefusedAddressException(String message) {
    super(message);
  }
}
