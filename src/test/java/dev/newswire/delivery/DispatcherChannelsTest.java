package dev.newswire.delivery;

import dev.newswire.news.ChannelRef;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.FeedConfig;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.store.PollCommit;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One slow channel does not hold up the others, and each channel still gets its stories in order. The slow
 * channel's first send waits until another channel has posted: a dispatcher that sent one message at a time would
 * time out here and the story would be retried instead of sent.
 */
class DispatcherChannelsTest {

  @Test
  void channelsProceedInParallelAndEachStaysInOrder() throws Exception {
    ChannelRef slow = new ChannelRef("rec", "-", "slow");
    ChannelRef fast = new ChannelRef("rec", "-", "fast");
    CountDownLatch fastPosted = new CountDownLatch(1);
    List<String> log = new CopyOnWriteArrayList<>();
    ChatPlatform recording = new ChatPlatform() {
      @Override
      public String id() {
        return "rec";
      }

      @Override
      public DeliveryResult deliver(Story story, ChannelRef channel) {
        if (channel.equals(slow) && log.stream().noneMatch(l -> l.startsWith("slow"))) {
          try {
            if (!fastPosted.await(10, TimeUnit.SECONDS)) return new DeliveryResult.RetryLater("blocked", null);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater("interrupted", null);
          }
        }
        log.add(channel.channel() + " " + story.item().title());
        if (channel.equals(fast)) fastPosted.countDown();
        return new DeliveryResult.Sent(channel.channel() + story.deliveryId());
      }
    };
    try (Database db = Database.open(TestDatabases.h2(), null)) {
      JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
      feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true)));
      List<NewsItem> news = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        news.add(new NewsItem("g" + i, "Story " + i, "https://a.example/" + i, "", "", null,
            Instant.parse("2026-11-28T10:00:00Z").plusSeconds(i), null, List.of(), null, List.of()));
      }
      Deduper deduper = new Deduper();
      DedupeResult r = deduper.split(deduper.identify(news), KnownItems.none(), true);
      Map<String, List<ChannelRef>> routes = new HashMap<>();
      r.news().forEach(it -> routes.put(it.keyHash(), List.of(slow, fast)));
      new JdbcItemStore(db).commitPoll(new PollCommit(feeds.all().get(0).id(), FeedValidators.none(), null,
          Instant.now(), r, routes));

      Dispatcher dispatcher = new Dispatcher(new JdbcDeliveryStore(db), Map.of("rec", recording),
          new Enricher(new Taxonomy(List.of())), Clock.systemUTC());
      try {
        assertThat(dispatcher.dispatchDue()).isEqualTo(6);
      } finally {
        dispatcher.close();
      }
    }
    assertThat(log.indexOf("fast Story 0")).isLessThan(log.indexOf("slow Story 0"));
    assertThat(log.stream().filter(l -> l.startsWith("slow")).toList())
        .containsExactly("slow Story 0", "slow Story 1", "slow Story 2");
    assertThat(log.stream().filter(l -> l.startsWith("fast")).toList())
        .containsExactly("fast Story 0", "fast Story 1", "fast Story 2");
  }
}
