package dev.newswire.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.config.FeedConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.store.PollCommit;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reliability tests' outbox: N stories routed to every channel in one poll commit, and how to check order. */
final class SeededOutbox {
  private SeededOutbox() {}

  static void seed(Database db, List<ChannelRef> channels, int stories) {
    Instant t0 = Instant.now();
    JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
    feeds.syncConfigured(List.of(new FeedConfig("https://seed.example/feed", "Seed", null, true)));
    long feedId = feeds.all().get(0).id();
    Deduper deduper = new Deduper();
    List<NewsItem> news = new ArrayList<>();
    for (int i = 0; i < stories; i++) {
      news.add(new NewsItem("g" + i, "Story " + i, "https://seed.example/" + i, "Summary of story " + i, "", null,
          t0, null, List.of(), null, List.of()));
    }
    DedupeResult r = deduper.split(deduper.identify(news), KnownItems.none(), true);
    Map<String, List<ChannelRef>> routes = new HashMap<>();
    r.news().forEach(it -> routes.put(it.keyHash(), channels));
    new JdbcItemStore(db).commitPoll(new PollCommit(feedId, FeedValidators.none(), null, t0, r, routes));
  }

  /** Messages posted after a later delivery of the same channel (delivery ids grow with story order per channel). */
  static int outOfOrder(FakeSlack slack) {
    int n = 0;
    for (String ch : slack.channelsWithHistory()) {
      long max = -1;
      for (ObjectNode m : slack.history(ch)) {
        long id = m.path("metadata").path("event_payload").path("delivery_id").asLong(-1);
        if (id < max) n++;
        max = Math.max(max, id);
      }
    }
    return n;
  }
}
