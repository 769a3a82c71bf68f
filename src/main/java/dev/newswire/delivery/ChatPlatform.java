package dev.newswire.delivery;

import dev.newswire.news.ChannelRef;
import java.time.Instant;
import java.util.Optional;

/** A place stories are posted to: Discord, Slack, or the console. Implementations live in platform/*. */
public interface ChatPlatform {

  /** "console", "discord" or "slack"; matches {@link ChannelRef#platform()}. */
  String id();

  /** Posts one story to one channel. Must not throw: every failure is a {@link DeliveryResult}. */
  DeliveryResult deliver(Story story, ChannelRef channel);

  /** Posts a digest (several stories in one message). Platforms that cannot, say so. */
  default DeliveryResult deliverDigest(Digest digest, ChannelRef channel) {
    return new DeliveryResult.Failed(id() + " cannot post digests");
  }

  /**
   * Replaces the card of a message this platform posted earlier (story clustering adds "also covered by").
   * Must not throw. Platforms that cannot edit keep the default.
   */
  default DeliveryResult edit(ChannelRef channel, String messageId, Story updated) {
    return new DeliveryResult.Failed("not supported");
  }

  /**
   * For a delivery "in doubt" (its sender died between posting and recording): the id of the message already in
   * the channel for {@code story.deliveryId()}, or empty when it is not there, so it is safe to send. Throws when
   * the platform cannot tell right now (the dispatcher then retries later instead of risking a duplicate).
   *
   * <p>The default is empty: right for platforms that drop a duplicate themselves (Discord's enforce_nonce returns
   * the original message for a repeated nonce) or where a duplicate does not matter (the console).
   *
   * @param since when the delivery was created; the message cannot be older
   */
  default Optional<String> findDelivered(Story story, ChannelRef channel, Instant since) {
    return Optional.empty();
  }

  /**
   * Best effort: tells the channel itself about a problem (e.g. "missing permission"), where the platform can still
   * post there. Returns true when it did. The default cannot.
   */
  default boolean postNotice(ChannelRef channel, String text) {
    return false;
  }
}
