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
}
