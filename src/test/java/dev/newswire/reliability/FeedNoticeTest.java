package dev.newswire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.pipeline.Router;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.store.PendingDelivery;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedNotices;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feed that breaks, gets paused, and comes back: one notice each time, to the channels that got its stories. */
class FeedNoticeTest {

  static String rss(int items) {
    StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>T</title>");
    for (int i = 0; i < items; i++) {
      b.append("<item><guid>").append(i).append("</guid><title>Story ").append(i).append("</title><link>https://n.example/")
          .append(i).append("</link></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  @Test
  void pauseAndRecoveryAreAnnouncedExactlyOnceEach() throws Exception {
    List<ChannelRef> channels = List.of(new ChannelRef("slack", "T1", "C1"), new ChannelRef("discord", "5", "6"));
    try (FakeFeedServer server = FakeFeedServer.start(); Database db = Database.open(TestDatabases.h2(), null)) {
      FakeFeedServer.Route route = server.feed("/f.xml", rss(1));
      JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
      JdbcDeliveryStore deliveries = new JdbcDeliveryStore(db);
      feeds.syncConfigured(List.of(new FeedConfig(server.url("/f.xml").toString(), "Local news", null, null)));
      FeedCycle cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)),
          new FeedParser(), new Deduper(), new TopicClassifier(Taxonomy.empty()), Router.everyStoryTo(channels), feeds,
          new JdbcItemStore(db), new PollingConfig(Duration.ofMinutes(15), 1, 3, Duration.ofHours(1), null),
          Clock.systemUTC(), PipelineMetrics.NOOP, new JdbcFeedNotices(db));
      long id = feeds.all().get(0).id();

      assertThat(cycle.poll(feeds.find(id).orElseThrow(), true).kind()).isEqualTo(PollOutcome.Kind.BASELINE);
      server.feed("/f.xml", rss(2));
      assertThat(cycle.poll(feeds.find(id).orElseThrow(), true).kind()).isEqualTo(PollOutcome.Kind.NEWS);
      assertThat(deliveries.countByStatus("PENDING")).isEqualTo(2);

      route.status(500);
      for (int i = 0; i < 3; i++) cycle.poll(feeds.find(id).orElseThrow(), true);
      assertThat(feeds.find(id).orElseThrow().paused()).isTrue();
      for (int i = 0; i < 3; i++) {
        assertThat(cycle.poll(feeds.find(id).orElseThrow(), true).kind()).isEqualTo(PollOutcome.Kind.PAUSED);
      }
      List<PendingDelivery> due = deliveries.due(Instant.now().plusSeconds(1), 100);
      List<PendingDelivery> pauses = due.stream().filter(d -> d.story().item().title().startsWith("Feed paused")).toList();
      assertThat(pauses).hasSize(2).extracting(PendingDelivery::channel).containsExactlyInAnyOrderElementsOf(channels);
      String text = pauses.get(0).story().item().summary();
      assertThat(text).contains("Local news").contains(server.url("/f.xml").toString()).contains("HTTP 500")
          .contains("resume").contains("remove");

      route.status(200);
      server.feed("/f.xml", rss(3));
      feeds.resume(id);
      cycle.poll(feeds.find(id).orElseThrow(), true);
      cycle.poll(feeds.find(id).orElseThrow(), true);
      due = deliveries.due(Instant.now().plusSeconds(1), 100);
      assertThat(due.stream().filter(d -> d.story().item().title().startsWith("Feed working again"))).hasSize(2);
      assertThat(due.stream().filter(d -> d.story().item().title().startsWith("Feed paused"))).hasSize(2);
      assertThat(due.stream().filter(d -> d.story().item().title().startsWith("Story"))).hasSize(4);
    }
  }
}
