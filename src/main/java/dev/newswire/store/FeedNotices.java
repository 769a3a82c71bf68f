package dev.newswire.store;

import java.time.Instant;

/**
 * Once-only notices about a feed's health, written to the outbox for every channel that has received the feed's
 * stories. Each call is idempotent: a state flag on the feed changes in the same transaction as the notice rows,
 * so a pause is announced once (however many instances see it) and so is the recovery that follows.
 */
public interface FeedNotices {
  FeedNotices NONE = new FeedNotices() {
    @Override
    public int feedPaused(long feedId, String reason, Instant now) {
      return 0;
    }

    @Override
    public int feedRecovered(long feedId, Instant now) {
      return 0;
    }
  };

  /** The feed is paused: tell its channels what failed and how to fix or remove it. Returns notices written. */
  int feedPaused(long feedId, String reason, Instant now);

  /** A poll succeeded: if a pause was announced, announce the recovery. Returns notices written. */
  int feedRecovered(long feedId, Instant now);
}
