package dev.newswire.store;

import dev.newswire.config.FeedConfig;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedValidators;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Feeds and their polling state. */
public interface FeedStore {

  /** Makes the stored feeds match the config file: adds new ones, updates names and intervals, disables removed ones. */
  void syncConfigured(List<FeedConfig> configured);

  List<Feed> all();

  Optional<Feed> find(long id);

  Optional<Feed> findByUrl(String url);

  /** A 304 or an identical body: the feed is healthy, nothing else changed. */
  void recordUnchanged(long feedId, FeedValidators validators, Instant polledAt);

  /**
   * A failed poll.
   *
   * @param pausedReason non-null when this failure pauses the feed
   */
  void recordFailure(long feedId, String error, Instant polledAt, Instant nextAttemptAt, String pausedReason);

  /**
   * Adds feeds, enabled, all in one transaction: either every feed is stored or none is.
   *
   * @param origin e.g. "opml"
   * @return how many were added
   */
  default int addAll(List<NewFeed> newFeeds, String origin) {
    throw new UnsupportedOperationException("addAll is not supported by " + getClass().getSimpleName());
  }

  /** {@link #addAll(List, String)}, telling {@code progress} how many are written so far (inside the transaction). */
  default int addAll(List<NewFeed> newFeeds, String origin, java.util.function.IntConsumer progress) {
    int n = addAll(newFeeds, origin);
    progress.accept(n);
    return n;
  }

  /** Every stored feed with its category, in id order. */
  default List<CategorizedFeed> allWithCategories() {
    return all().stream().map(f -> new CategorizedFeed(f, null)).toList();
  }

  /** Clears a pause and the failure count, so the feed is polled at its next tick. */
  void resume(long feedId);

  /**
   * Adds a feed from chat (origin "chat"), or enables the stored feed with this URL again; its history is kept, so
   * re-adding a feed never reposts old stories.
   */
  Feed addFromChat(String url, String name);

  /** Stops or restarts polling a feed; its history is kept. */
  void setEnabled(long feedId, boolean enabled);

  /** Pauses a feed with a reason shown in status and sources; {@link #resume} clears it. */
  void pause(long feedId, String reason);
}
