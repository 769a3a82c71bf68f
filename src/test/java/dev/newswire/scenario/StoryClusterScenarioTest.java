package dev.newswire.scenario;

import dev.newswire.support.GrowingFeeds;
import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.ClusteringConfig;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.delivery.Story;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import dev.newswire.news.SourceLink;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.Router;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.pipeline.cluster.StoryClusterer;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three feeds publish one story at different times; two channels with different subscriptions. The real pipeline
 * (fetch → parse → dedupe → cluster → route → outbox → dispatcher) with a recording platform and a clock we move.
 */
class StoryClusterScenarioTest {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  /** Subscribes to every feed. */
  static final ChannelRef ALL = new ChannelRef("discord", "G1", "all-news");
  /** Subscribes to TechCrunch only. */
  static final ChannelRef TC_ONLY = new ChannelRef("slack", "T1", "C-techcrunch");

  final MutableClock clock = new MutableClock(T0);
  GrowingFeeds rss;
  FakeFeedServer server;
  Database db;
  JdbcFeedStore feeds;
  FeedCycle cycle;
  Dispatcher dispatcher;
  final Recorder discord = new Recorder("discord");
  final Recorder slack = new Recorder("slack");

  @BeforeEach
  void start() {
    server = FakeFeedServer.start();
    rss = new GrowingFeeds(server, clock);
    db = Database.open(TestDatabases.h2(), null);
    feeds = new JdbcFeedStore(db, clock);
    feeds.syncConfigured(List.of(
        new FeedConfig(server.url("/openai.xml").toString(), "OpenAI News", null, true),
        new FeedConfig(server.url("/verge.xml").toString(), "The Verge", null, true),
        new FeedConfig(server.url("/tc.xml").toString(), "TechCrunch", null, true)));
    JdbcItemStore items = new JdbcItemStore(db);
    Router router = (feed, item) -> feed.name().equals("TechCrunch") ? List.of(ALL, TC_ONLY) : List.of(ALL);
    StoryClusterer clusterer = dev.newswire.App.clustererFor(ClusteringConfig.defaults(), items, clock);
    cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)), new FeedParser(),
        new Deduper(), new TopicClassifier(Taxonomy.empty()), router, feeds, items, PollingConfig.defaults(), clock,
        PipelineMetrics.NOOP, clusterer);
    dispatcher = new Dispatcher(new JdbcDeliveryStore(db), Map.of("discord", discord, "slack", slack),
        new Enricher(Taxonomy.empty()), clock);
  }

  @AfterEach
  void stop() {
    db.close();
    server.close();
  }

  @Test
  void onePostPerChannelAndCoalescedAlsoCoveredByEdits() {
    rss.publish("/openai.xml", rss.item("o-old", "Introducing OpenAI for Government", "https://openai.com/gov", "OpenAI for Government brings ChatGPT Gov to US agencies."));
    rss.publish("/verge.xml", rss.item("v-old", "Apple sued over Siri AI delays", "https://theverge.com/siri", "Apple shareholders filed a lawsuit."));
    rss.publish("/tc.xml", rss.item("t-old", "Meta hires Apple's Ruoming Pang", "https://techcrunch.com/pang", "Meta poached Apple's models chief."));
    pollAll();
    assertThat(discord.posts).as("baseline").isEmpty();

    // 10:10 OpenAI publishes the story.
    clock.set(T0.plus(Duration.ofMinutes(10)));
    rss.publish("/openai.xml", rss.item("o-gpt5", "OpenAI launches GPT-5", "https://openai.com/gpt-5",
        "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet."));
    pollAll();
    assertThat(discord.postsIn(ALL)).extracting(Post::title).containsExactly("OpenAI launches GPT-5");

    // 10:15 The Verge has it too, plus an unrelated OpenAI story: the story becomes an edit, the other is a post.
    clock.set(T0.plus(Duration.ofMinutes(15)));
    rss.publish("/verge.xml", rss.item("v-gpt5", "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT",
        "https://theverge.com/gpt-5", "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said."),
        rss.item("v-40b", "OpenAI raises $40B", "https://theverge.com/openai-40b",
            "OpenAI closed a funding round led by SoftBank at a $300 billion valuation."));
    pollAll();
    assertThat(discord.postsIn(ALL)).extracting(Post::title).containsExactly("OpenAI launches GPT-5", "OpenAI raises $40B");
    assertThat(discord.edits).hasSize(1);
    Edit first = discord.edits.get(0);
    assertThat(first.messageId()).isEqualTo(discord.postsIn(ALL).get(0).messageId());
    assertThat(first.sources()).containsExactly("The Verge https://theverge.com/gpt-5");

    // 10:15:20 TechCrunch: its own subscriber gets a post (covered by both others); #all's message is due for an
    // edit but was edited 20 s ago, so the edit waits.
    clock.set(T0.plus(Duration.ofMinutes(15)).plusSeconds(20));
    rss.publish("/tc.xml", rss.item("t-gpt5", "OpenAI's GPT-5 launches for all ChatGPT users",
        "https://techcrunch.com/gpt-5", "OpenAI on Thursday released GPT-5, its new flagship model, to ChatGPT users."));
    pollAll();
    assertThat(slack.postsIn(TC_ONLY)).hasSize(1);
    assertThat(slack.postsIn(TC_ONLY).get(0).sources())
        .containsExactly("OpenAI News https://openai.com/gpt-5", "The Verge https://theverge.com/gpt-5");
    assertThat(discord.postsIn(ALL)).as("no second post of the story in #all").hasSize(2);
    assertThat(discord.edits).as("at most one edit per minute per message").hasSize(1);

    clock.set(T0.plus(Duration.ofMinutes(15)).plusSeconds(45));
    dispatcher.dispatchDue();
    assertThat(discord.edits).hasSize(1);

    clock.set(T0.plus(Duration.ofMinutes(16)).plusSeconds(1));
    dispatcher.dispatchDue();
    assertThat(discord.edits).hasSize(2);
    Edit second = discord.edits.get(1);
    assertThat(second.messageId()).isEqualTo(first.messageId());
    assertThat(second.sources()).containsExactly("The Verge https://theverge.com/gpt-5", "TechCrunch https://techcrunch.com/gpt-5");
    assertThat(Duration.between(first.at(), second.at())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));

    clock.set(T0.plus(Duration.ofMinutes(30)));
    pollAll();
    assertThat(discord.edits).as("nothing new, nothing edited").hasSize(2);
    assertThat(slack.edits).isEmpty();
  }

  @Test
  void aRestartRebuildsTheWindowFromTheDatabase() {
    rss.publish("/openai.xml", rss.item("o-old", "Old", "https://openai.com/old", "Old."));
    rss.publish("/verge.xml", rss.item("v-old", "Older", "https://theverge.com/old", "Older."));
    rss.publish("/tc.xml", rss.item("t-old", "Oldest", "https://techcrunch.com/old", "Oldest."));
    pollAll();
    clock.set(T0.plus(Duration.ofMinutes(10)));
    rss.publish("/openai.xml", rss.item("o-gpt5", "OpenAI launches GPT-5", "https://openai.com/gpt-5",
        "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet."));
    pollAll();
    // A new process: a fresh clusterer loaded from the database.
    JdbcItemStore items = new JdbcItemStore(db);
    StoryClusterer reloaded = dev.newswire.App.clustererFor(ClusteringConfig.defaults(), items, clock);
    assertThat(reloaded.size()).isEqualTo(4);
    cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)), new FeedParser(),
        new Deduper(), new TopicClassifier(Taxonomy.empty()), (feed, item) -> List.of(ALL), feeds, items,
        PollingConfig.defaults(), clock, PipelineMetrics.NOOP, reloaded);
    clock.set(T0.plus(Duration.ofMinutes(20)));
    rss.publish("/verge.xml", rss.item("v-gpt5", "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT",
        "https://theverge.com/gpt-5", "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said."));
    pollAll();
    assertThat(discord.postsIn(ALL)).hasSize(1);
    assertThat(discord.edits).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private void pollAll() {
    for (Feed f : feeds.all()) cycle.poll(f, true);
    dispatcher.dispatchDue();
  }

  /** Adds items on top of what the feed already lists (newest first). */
  record Post(ChannelRef channel, String title, String messageId, List<String> sources) {}

  record Edit(ChannelRef channel, String messageId, List<String> sources, Instant at) {}

  final class Recorder implements ChatPlatform {
    final String id;
    final List<Post> posts = new CopyOnWriteArrayList<>();
    final List<Edit> edits = new CopyOnWriteArrayList<>();

    Recorder(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public DeliveryResult deliver(Story story, ChannelRef channel) {
      String messageId = id + "-" + story.deliveryId();
      posts.add(new Post(channel, story.item().title(), messageId, names(story.card().alsoCoveredBy())));
      return new DeliveryResult.Sent(messageId);
    }

    @Override
    public DeliveryResult edit(ChannelRef channel, String messageId, Story updated) {
      edits.add(new Edit(channel, messageId, names(updated.card().alsoCoveredBy()), clock.instant()));
      return new DeliveryResult.Sent(messageId);
    }

    List<Post> postsIn(ChannelRef channel) {
      return posts.stream().filter(p -> p.channel().equals(channel)).toList();
    }

    private static List<String> names(List<SourceLink> links) {
      return links.stream().map(l -> l.name() + " " + l.url()).toList();
    }
  }

}
