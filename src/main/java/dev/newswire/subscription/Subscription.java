package dev.newswire.subscription;

import dev.newswire.news.ChannelRef;
import java.time.Instant;

/**
 * What one channel receives.
 *
 * @param kind         "topic", "feed" or "all"
 * @param target       topic id, feed URL, or "*" for all
 * @param mode         "instant", "daily" or "weekly"
 * @param time         HH:mm for digests, or null
 * @param timezone     IANA zone for digests, or null
 * @param pausedReason non-null when the subscription is paused (e.g. the bot lost access to the channel)
 */
public record Subscription(long id, ChannelRef channel, String kind, String target, String mode, String time,
    String timezone, String pausedReason, Instant createdAt) {
  public static final String TOPIC = "topic";
  public static final String FEED = "feed";
  public static final String ALL = "all";
  public static final String ALL_TARGET = "*";
  public static final String INSTANT = "instant";

  public static Subscription of(ChannelRef channel, String kind, String target, String mode, String time,
      String timezone) {
    return new Subscription(0, channel, kind, ALL.equals(kind) ? ALL_TARGET : target, mode == null ? INSTANT : mode,
        time, timezone, null, null);
  }

  public boolean paused() {
    return pausedReason != null;
  }

  /** "topic llms (instant)" */
  public String describe() {
    String what = switch (kind) {
      case ALL -> "every story";
      case FEED -> "feed " + target;
      default -> "topic " + target;
    };
    String when = INSTANT.equals(mode) ? "instant"
        : mode + (time != null ? " at " + time : "") + (timezone != null ? " " + timezone : "");
    return what + " (" + when + ")" + (paused() ? " — paused: " + pausedReason : "");
  }
}
