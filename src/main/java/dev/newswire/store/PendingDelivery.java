package dev.newswire.store;

import dev.newswire.news.ChannelRef;
import java.time.Instant;

/**
 * A delivery that is due: the story, where it goes, and how many times it was tried.
 *
 * @param inDoubt   an earlier claim on it expired without a result being recorded (the claiming process died
 *                  mid-send): the message may already be in the channel
 * @param createdAt when the delivery was written to the outbox (null where unknown)
 */
public record PendingDelivery(long id, ChannelRef channel, int attempts, StoredItem story, boolean inDoubt,
    Instant createdAt) {

  public PendingDelivery(long id, ChannelRef channel, int attempts, StoredItem story) {
    this(id, channel, attempts, story, false, null);
  }
}
