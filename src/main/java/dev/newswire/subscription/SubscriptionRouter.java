package dev.newswire.subscription;

import dev.newswire.news.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.Router;
import dev.newswire.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes a classified story to every channel with an instant, non-paused subscription that matches it (all, its feed,
 * or one of its topics) and whose filters it passes.
 */
public final class SubscriptionRouter implements Router {
  private final SubscriptionStore store;
  private final ChannelFilters filters = new ChannelFilters();

  public SubscriptionRouter(SubscriptionStore store) {
    this.store = store;
  }

  @Override
  public List<ChannelRef> channelsFor(Feed feed, NewsItem item) {
    Set<ChannelRef> candidates = new LinkedHashSet<>();
    for (Subscription s : store.activeInstant()) {
      boolean match = switch (s.kind()) {
        case Subscription.ALL -> true;
        case Subscription.FEED -> feed != null && s.target().equals(feed.url());
        case Subscription.TOPIC -> item.topics().contains(s.target());
        default -> false;
      };
      if (match) candidates.add(s.channel());
    }
    if (candidates.isEmpty()) return List.of();
    Map<ChannelRef, List<ChannelFilter>> byChannel = new HashMap<>();
    for (ChannelFilter f : store.allFilters()) {
      if (candidates.contains(f.channel())) byChannel.computeIfAbsent(f.channel(), k -> new ArrayList<>()).add(f);
    }
    List<ChannelRef> out = new ArrayList<>();
    for (ChannelRef ch : candidates) {
      if (filters.passes(item, byChannel.getOrDefault(ch, List.of()))) out.add(ch);
    }
    return out;
  }

  /** Every channel any of the routers names, each once, in order. */
  public static Router combine(Router... routers) {
    List<Router> all = List.of(routers);
    return (feed, item) -> {
      Set<ChannelRef> out = new LinkedHashSet<>();
      for (Router r : all) out.addAll(r.channelsFor(feed, item));
      return List.copyOf(out);
    };
  }
}
