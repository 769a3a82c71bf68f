package dev.newswire.command.news;

import dev.newswire.command.Admins;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.Feed;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.parse.FeedProbe;
import dev.newswire.pipeline.FeedScheduleListener;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.search.StoryIndex;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.FeedStore;
import dev.newswire.store.ItemStore;
import dev.newswire.store.SubscriptionStore;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** What the commands work with; built once in App. */
public record CommandContext(NewswireConfig config, Taxonomy taxonomy, TopicClassifier classifier, Enricher enricher,
    FeedStore feeds, ItemStore items, DeliveryStore deliveries, SubscriptionStore subscriptions, StoryIndex index,
    FeedProbe probe, FeedScheduleListener schedule, Admins admins, Clock clock) {

  /** A stored feed by URL, or by name when no URL matches. */
  public Optional<Feed> findFeed(String urlOrName) {
    if (urlOrName == null) return Optional.empty();
    String q = urlOrName.strip();
    Optional<Feed> byUrl = feeds.findByUrl(q);
    if (byUrl.isPresent()) return byUrl;
    return feeds.all().stream().filter(f -> f.label().equalsIgnoreCase(q) || f.url().equalsIgnoreCase(q)).findFirst();
  }

  /** ok / failing (last error) / paused (reason) / disabled */
  public static String health(Feed f) {
    if (!f.enabled()) return "disabled";
    if (f.paused()) return "paused (" + Text.cut(f.health().pausedReason(), 160) + ")";
    if (f.health().consecutiveFailures() > 0) {
      return "failing, " + f.health().consecutiveFailures() + " in a row (" + Text.cut(f.health().lastError(), 160) + ")";
    }
    if (f.health().lastSuccessAt() == null) return "not polled yet";
    return "ok";
  }

  public static String lower(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }
}
