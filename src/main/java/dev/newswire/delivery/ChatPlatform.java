package dev.newswire.delivery;

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
}
