package dev.newswire.pipeline.parse;

/** A feed body that cannot be read as RSS or Atom. The message is written for the admin: what is wrong, what to do. */
public class FeedParseException extends Exception {
  public FeedParseException(String message) {
    super(message);
  }

  public FeedParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
