package dev.newswire.subscription;

import dev.newswire.config.SubscriptionConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.store.SubscriptionStore;
import java.util.List;
import java.util.Locale;

/** Applies the config file's subscriptions at start: upserts, never deletes, so changes made in chat stay. */
public final class SubscriptionBootstrap {
  private SubscriptionBootstrap() {}

  /** @return the number of subscriptions and filters written */
  public static int apply(List<SubscriptionConfig> configured, SubscriptionStore store) {
    int n = 0;
    for (SubscriptionConfig c : configured) {
      ChannelRef ch = new ChannelRef(c.platform().toLowerCase(Locale.ROOT), c.workspace(), c.channel().trim());
      String mode = c.mode().toLowerCase(Locale.ROOT);
      if (c.all()) {
        store.upsert(Subscription.of(ch, Subscription.ALL, Subscription.ALL_TARGET, mode, c.time(), c.timezone()));
        n++;
      }
      for (String topic : c.topics()) {
        store.upsert(Subscription.of(ch, Subscription.TOPIC, topic, mode, c.time(), c.timezone()));
        n++;
      }
      for (String feed : c.feeds()) {
        store.upsert(Subscription.of(ch, Subscription.FEED, feed.trim(), mode, c.time(), c.timezone()));
        n++;
      }
      for (String f : c.include()) {
        store.addFilter(ch, ChannelFilter.INCLUDE, FilterPattern.parse(f), "any");
        n++;
      }
      for (String f : c.exclude()) {
        store.addFilter(ch, ChannelFilter.EXCLUDE, FilterPattern.parse(f), "any");
        n++;
      }
    }
    return n;
  }
}
