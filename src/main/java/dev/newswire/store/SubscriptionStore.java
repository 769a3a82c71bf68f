package dev.newswire.store;

import dev.newswire.news.ChannelRef;
import dev.newswire.subscription.ChannelFilter;
import dev.newswire.subscription.FilterPattern;
import dev.newswire.subscription.Subscription;
import java.util.List;

/** Subscriptions and channel filters. */
public interface SubscriptionStore {

  /** Adds the subscription, or updates mode/time/timezone of the same (channel, kind, target); clears a pause. */
  Subscription upsert(Subscription s);

  /** @return true when there was such a subscription */
  boolean remove(ChannelRef channel, String kind, String target);

  List<Subscription> forChannel(ChannelRef channel);

  List<Subscription> all();

  /** Instant, non-paused subscriptions: what the router reads for every new story. */
  List<Subscription> activeInstant();

  /** Adds a filter, or returns the identical one that exists. */
  ChannelFilter addFilter(ChannelRef channel, String action, FilterPattern pattern, String field);

  /** @return true when the filter existed in this channel */
  boolean removeFilter(ChannelRef channel, long filterId);

  List<ChannelFilter> filters(ChannelRef channel);

  List<ChannelFilter> allFilters();
}
