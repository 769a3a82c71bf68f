package dev.newswire.store;

import dev.newswire.pipeline.identity.IdentifiedItem;
import dev.newswire.pipeline.identity.KnownItems;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Items seen in feeds: the memory behind "never post a story twice". */
public interface ItemStore {

  /** Which of these items' keys, links and titles the feed's history already holds. */
  KnownItems known(long feedId, Collection<IdentifiedItem> items);

  /** Stores a successful poll: feed state, new and refreshed items, and the deliveries for the news, atomically. */
  void commitPoll(PollCommit commit);

  Optional<StoredItem> find(long itemId);

  /** The stored items among these ids, by id (forgotten ones are absent): one query instead of one per id. */
  default Map<Long, StoredItem> findAll(Collection<Long> itemIds) {
    Map<Long, StoredItem> out = new java.util.HashMap<>();
    for (long id : itemIds) find(id).ifPresent(s -> out.put(id, s));
    return out;
  }

  /**
   * For each of these items that belongs to a story cluster, who carried that story (the item itself included).
   * Items without a cluster are absent: each is its own story. Commands and digests collapse a page of items into
   * stories with this, so it is one query for the whole page, not one per item.
   */
  default Map<Long, StoryCoverage> coverage(Collection<Long> itemIds) {
    return Map.of();
  }

  long count();

  /** Items with a story cluster first seen since the cutoff, oldest first: the clusterer's window at start. */
  default java.util.List<ClusteredItem> clusteredSince(Instant cutoff) {
    return java.util.List.of();
  }

  /** Forgets items not seen in their feed since the cutoff (and not waiting for delivery). */
  int forgetNotSeenSince(Instant cutoff);

  /** The newest stored items (by first sight, then publication), newest first. */
  List<StoredItem> latest(int limit);

  /** Items with id greater than afterId, in id order: for feeding a search index incrementally. */
  List<StoredItem> after(long afterId, int limit);

  /** Items first seen at or after the instant. */
  long countFirstSeenSince(Instant since);
}
