package dev.newswire.pipeline;

/**
 * What one poll of one feed did.
 *
 * @param newStories stories handed to delivery
 * @param message    for failures and skips: why, in words an admin can act on
 */
public record PollOutcome(long feedId, String feedUrl, Kind kind, int newStories, String message) {
  public enum Kind { NEWS, BASELINE, NO_NEWS, NOT_MODIFIED, FAILED, PAUSED, SKIPPED }
}
