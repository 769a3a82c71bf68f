package dev.newswire.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox of deliveries. */
public interface DeliveryStore {

  /** Due deliveries, oldest first. */
  List<PendingDelivery> due(Instant now, int limit);

  void markSent(long deliveryId, String messageId, Instant sentAt);

  void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt);

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
}
