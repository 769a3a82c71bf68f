package dev.newswire.news;

/** What the last successful fetch told us, sent back to make the next fetch conditional. */
public record FeedValidators(String etag, String lastModified, String bodyHash) {
  public static FeedValidators none() {
    return new FeedValidators(null, null, null);
  }
}
