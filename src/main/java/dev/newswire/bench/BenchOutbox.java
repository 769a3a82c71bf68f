package dev.newswire.bench;

import dev.newswire.news.ChannelRef;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.PendingDelivery;
import dev.newswire.store.StoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory outbox for the fan-out bench: the real Dispatcher reads and updates it as it would the database. */
final class BenchOutbox implements DeliveryStore {

  private static final class Entry {
    final long id;
    final ChannelRef channel;
    final StoredItem story;
    int attempts;
    Instant next = Instant.EPOCH;
    String status = "pending";

    Entry(long id, ChannelRef channel, StoredItem story) {
      this.id = id;
      this.channel = channel;
      this.story = story;
    }
  }

  private final Map<Long, Entry> entries = new TreeMap<>();
  private long nextId = 1;
  private int retries;

  synchronized long add(ChannelRef channel, StoredItem story) {
    long id = nextId++;
    entries.put(id, new Entry(id, channel, story));
    return id;
  }

  @Override
  public synchronized List<PendingDelivery> due(Instant now, int limit) {
    List<PendingDelivery> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (out.size() >= limit) break;
      if (e.status.equals("pending") && !e.next.isAfter(now)) {
        out.add(new PendingDelivery(e.id, e.channel, e.attempts, e.story));
      }
    }
    return out;
  }

  @Override
  public synchronized void markSent(long deliveryId, String messageId, Instant sentAt) {
    entries.get(deliveryId).status = "sent";
  }

  @Override
  public synchronized void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt) {
    Entry e = entries.get(deliveryId);
    e.attempts++;
    e.next = nextAttemptAt;
    retries++;
  }

  @Override
  public synchronized void markFailed(long deliveryId, String reason) {
    entries.get(deliveryId).status = "failed";
  }

  @Override
  public synchronized long countByStatus(String status) {
    return entries.values().stream().filter(e -> e.status.equals(status)).count();
  }

  synchronized int retries() {
    return retries;
  }
}
