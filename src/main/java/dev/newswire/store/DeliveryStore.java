package dev.newswire.store;

import java.time.Instant;
import java.util.List;

/** The outbox of deliveries. */
public interface DeliveryStore {

  /** Due deliveries, oldest first. */
  List<PendingDelivery> due(Instant now, int limit);

  void markSent(long deliveryId, String messageId, Instant sentAt);

  void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt);

  void markFailed(long deliveryId, String reason);

  long countByStatus(String status);
}
