package dev.newswire.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.config.SubscriptionConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.delivery.Story;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.JdbcSubscriptionStore;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.subscription.SubscriptionBootstrap;
import dev.newswire.subscription.SubscriptionRouter;
import dev.newswire.support.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One feed, channels with different topics and filters: each receives exactly its stories, through the outbox. */
class SubscriptionScenarioTest {
  static final ChannelRef CHIPS = new ChannelRef("discord", "500", "600");
  static final ChannelRef GPT_ONLY = new ChannelRef("slack", "T1", "C1");
  static final ChannelRef DIGEST = new ChannelRef("discord", "500", "601");

  /** Records what would have been posted. */
  static final class RecordingPlatform implements ChatPlatform {
    final String id;
    final List<String> posts = Collections.synchronizedList(new ArrayList<>());

    RecordingPlatform(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public DeliveryResult deliver(Story story, ChannelRef channel) {
      posts.add(channel.channel() + "|" + story.card().title());
      return new DeliveryResult.Sent("m" + posts.size());
    }
  }

  @Test
  void eachChannelGetsItsStories() {
    try (FakeFeedServer server = FakeFeedServer.start();
         Database db = Database.open(TestDatabases.h2(), null)) {
      String url = server.url("/ai.xml").toString();
      RssDoc doc = RssDoc.rss().item("1", "Old news about GPUs", "https://n.example/1", "Mon, 23 Nov 2026 10:00:00 GMT");
      server.feed("/ai.xml", doc.xml());
      Clock clock = Clock.systemUTC();
      JdbcFeedStore feeds = new JdbcFeedStore(db, clock);
      JdbcItemStore items = new JdbcItemStore(db);
      JdbcDeliveryStore deliveries = new JdbcDeliveryStore(db);
      JdbcSubscriptionStore subs = new JdbcSubscriptionStore(db, clock);
      feeds.syncConfigured(List.of(new FeedConfig(url, "AI Wire", null, true)));
      SubscriptionBootstrap.apply(List.of(
          new SubscriptionConfig("discord", "500", "600", List.of("chips"), null, null, "instant", null, null, null, List.of("crypto")),
          new SubscriptionConfig("slack", "T1", "C1", null, null, true, null, null, null, List.of("/gpt-\\d/"), null),
          new SubscriptionConfig("discord", "500", "601", null, List.of(url), null, "daily", "09:00", "UTC", null, null)),
          subs);
      var taxonomy = Topics.example();
      FeedCycle cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)),
          new FeedParser(), new Deduper(), new TopicClassifier(taxonomy), new SubscriptionRouter(subs), feeds, items,
          PollingConfig.defaults(), clock);
      RecordingPlatform discord = new RecordingPlatform("discord");
      RecordingPlatform slack = new RecordingPlatform("slack");
      Dispatcher dispatcher = new Dispatcher(deliveries, Map.of("discord", discord, "slack", slack), new Enricher(taxonomy), clock);

      Feed feed = feeds.findByUrl(url).orElseThrow();
      cycle.poll(feed, true); // baseline: nothing posted
      dispatcher.dispatchDue();
      assertThat(discord.posts).isEmpty();

      doc.item("2", "OpenAI ships GPT-5 language model", "https://n.example/2", "Tue, 24 Nov 2026 10:00:00 GMT")
          .item("3", "Nvidia unveils Blackwell GPU", "https://n.example/3", "Tue, 24 Nov 2026 11:00:00 GMT")
          .item("4", "Crypto miners buy GPUs again", "https://n.example/4", "Tue, 24 Nov 2026 12:00:00 GMT")
          .item("5", "Lawmakers debate the EU AI Act", "https://n.example/5", "Tue, 24 Nov 2026 13:00:00 GMT")
          .item("6", "Llama 4 tops benchmarks", "https://n.example/6", "Tue, 24 Nov 2026 14:00:00 GMT");
      server.feed("/ai.xml", doc.xml());
      cycle.poll(feeds.findByUrl(url).orElseThrow(), true);
      dispatcher.dispatchDue();

      assertThat(discord.posts).containsExactly("600|Nvidia unveils Blackwell GPU");
      assertThat(slack.posts).containsExactly("C1|OpenAI ships GPT-5 language model");
      assertThat(deliveries.countByStatus("PENDING")).isZero();
    }
  }
}
