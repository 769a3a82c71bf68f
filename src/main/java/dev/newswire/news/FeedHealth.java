package dev.newswire.news;

import java.time.Instant;

/**
 * How polling a feed has been going; what the status command shows.
 *
 * @param pausedReason set when the feed was paused after repeated failures: says what failed and what to do
 */
public record FeedHealth(
    Instant lastPolledAt,
    Instant lastSuccessAt,
    String lastError,
    int consecutiveFailures,
    Instant nextAttemptAt,
    String pausedReason) {

  public static FeedHealth fresh() {
    return new FeedHealth(null, null, null, 0, null, null);
  }
}
