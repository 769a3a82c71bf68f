package dev.newswire.store;

import dev.newswire.news.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox of deliveries. */
public interface DeliveryStore {

  /** Due deliveries, oldest first. */
  List<PendingDelivery> due(Instant now, int limit);

  /**
   * Claims due deliveries for one dispatcher, oldest first: rows claimed by another live dispatcher are skipped
   * ({@code FOR UPDATE SKIP LOCKED} + a lease), rows whose lease expired are taken over and come back
   * {@link PendingDelivery#inDoubt() in doubt}. Every claimed row must end in markSent, scheduleRetry, markFailed or
   * {@link #release}. The default (stores without claims) is {@link #due}.
   */
  default List<PendingDelivery> claim(Instant now, int limit, String claimant, Duration lease) {
    return due(now, limit);
  }

  /** Gives claimed but untried deliveries back (not in doubt: nothing was sent). */
  default void release(Collection<Long> deliveryIds) {}

  void markSent(long deliveryId, String messageId, Instant sentAt);

  void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt);

  /**
   * @param inDoubt the failed attempt may have posted anyway (a 5xx or a timeout rather than a rate limit): check
   *                the platform before the next attempt
   */
  default void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt, boolean inDoubt) {
    scheduleRetry(deliveryId, error, nextAttemptAt);
  }

  void markFailed(long deliveryId, String reason);

  long countByStatus(String status);

  /** When the oldest delivery still waiting to be sent was created; empty when the outbox is empty. */
  default Optional<Instant> oldestPendingCreatedAt() {
    return Optional.empty();
  }

  /** The other outlets of the item's story (other feeds of its cluster), first seen first; empty without clustering. */
  default List<dev.newswire.news.SourceLink> alsoCoveredBy(long itemId) {
    return List.of();
  }

  /** Edits of posted messages that are due (the message is posted and the not-before time has passed). */
  default List<PendingEdit> dueEdits(Instant now, int limit) {
    return List.of();
  }

  default void markEdited(long editId, Instant editedAt) {}

  default void scheduleEditRetry(long editId, String error, Instant nextAttemptAt) {}

  default void markEditFailed(long editId, String reason) {}

  /**
   * Records that a channel failed permanently. Returns true when this is news (the channel had no open problem),
   * so the caller reports it exactly once.
   */
  default boolean recordChannelProblem(ChannelRef channel, String reason, Instant now) {
    return true;
  }

  /** Channels with an open problem, and why; deliveries to them are not attempted. */
  default Map<ChannelRef, String> channelProblems() {
    return Map.of();
  }

  /** The problem was reported (log, message in the channel where possible). */
  default void markProblemReported(ChannelRef channel) {}

  /** Clears a channel's problem (the admin fixed it): its later deliveries are attempted again. */
  default boolean clearChannelProblem(ChannelRef channel) {
    return false;
  }
}
