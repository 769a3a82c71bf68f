package dev.newswire.scenario;

import dev.newswire.support.GrowingFeeds;
import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import dev.newswire.config.ClusteringConfig;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.config.SlackSettings;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.news.Feed;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.Router;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.platform.discord.DiscordBot;
import dev.newswire.platform.discord.DiscordPlatform;
import dev.newswire.platform.slack.SlackClients;
import dev.newswire.platform.slack.SlackPlatform;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clustering edit path through real JDA and Bolt against FakeDiscord and FakeSlack. */
class StoryClusterPlatformsScenarioTest {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final ChannelRef DISCORD_ALL = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
  static final ChannelRef SLACK_ALL = new ChannelRef("slack", "T1", "C-all");
  static final ChannelRef SLACK_TC = new ChannelRef("slack", "T1", "C-tc");

  final MutableClock clock = new MutableClock(T0);
  GrowingFeeds rss;
  FakeFeedServer server;
  FakeDiscord fakeDiscord;
  DiscordBot bot;
  FakeSlack fakeSlack;
  Slack slackClient;
  Database db;
  JdbcFeedStore feeds;
  FeedCycle cycle;
  Dispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    server = FakeFeedServer.start();
    rss = new GrowingFeeds(server, clock);
    fakeDiscord = FakeDiscord.start();
    bot = DiscordBot.start(FakeDiscord.TOKEN, fakeDiscord.config(), Duration.ofSeconds(20));
    fakeSlack = new FakeSlack();
    slackClient = SlackClients.create(new SlackSettings(fakeSlack.methodsUrlPrefix(), 0, false));
    db = Database.open(TestDatabases.h2(), null);
    feeds = new JdbcFeedStore(db, clock);
    feeds.syncConfigured(List.of(
        new FeedConfig(server.url("/openai.xml").toString(), "OpenAI News", null, true),
        new FeedConfig(server.url("/verge.xml").toString(), "The Verge", null, true),
        new FeedConfig(server.url("/tc.xml").toString(), "TechCrunch", null, true)));
    JdbcItemStore items = new JdbcItemStore(db);
    Router router = (feed, item) -> feed.name().equals("TechCrunch")
        ? List.of(DISCORD_ALL, SLACK_ALL, SLACK_TC) : List.of(DISCORD_ALL, SLACK_ALL);
    cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)), new FeedParser(),
        new Deduper(), new TopicClassifier(Taxonomy.empty()), router, feeds, items, PollingConfig.defaults(), clock,
        PipelineMetrics.NOOP, dev.newswire.App.clustererFor(ClusteringConfig.defaults(), items, clock));
    dispatcher = new Dispatcher(new JdbcDeliveryStore(db), Map.of(
        "discord", new DiscordPlatform(bot.jda(), new DiscordRenderer(), Duration.ofSeconds(15)),
        "slack", new SlackPlatform(slackClient, FakeSlack.BOT_TOKEN)), new Enricher(Taxonomy.empty()), clock);
  }

  @AfterEach
  void stop() throws Exception {
    db.close();
    bot.close();
    fakeDiscord.close();
    slackClient.close();
    fakeSlack.close();
    server.close();
  }

  @Test
  void originalMessagesAreEditedOnDiscordAndSlack() {
    rss.publish("/openai.xml", rss.item("o-old", "Introducing OpenAI for Government", "https://openai.com/gov", "ChatGPT Gov."));
    rss.publish("/verge.xml", rss.item("v-old", "Apple sued over Siri AI delays", "https://theverge.com/siri", "A lawsuit."));
    rss.publish("/tc.xml", rss.item("t-old", "Meta hires Apple's Ruoming Pang", "https://techcrunch.com/pang", "Poached."));
    pollAll();

    clock.set(T0.plus(Duration.ofMinutes(10)));
    rss.publish("/openai.xml", rss.item("o-gpt5", "OpenAI launches GPT-5", "https://openai.com/gpt-5",
        "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet."));
    pollAll();
    assertThat(fakeDiscord.messagesIn(FakeDiscord.CHANNEL_ID)).hasSize(1);
    assertThat(fakeSlack.calls("chat.postMessage")).hasSize(1);

    clock.set(T0.plus(Duration.ofMinutes(15)));
    rss.publish("/verge.xml", rss.item("v-gpt5", "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT",
        "https://theverge.com/gpt-5", "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said."));
    pollAll();
    assertThat(fakeDiscord.messagesIn(FakeDiscord.CHANNEL_ID)).as("no second post").hasSize(1);
    List<JsonNode> edits = fakeDiscord.editsIn(FakeDiscord.CHANNEL_ID);
    assertThat(edits).hasSize(1);
    JsonNode embed = edits.get(0).path("body").path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("OpenAI launches GPT-5");
    assertThat(embed.path("fields").findValuesAsText("name")).contains("Also covered by");
    assertThat(embed.toString()).contains("The Verge").contains("https://theverge.com/gpt-5");
    var updates = fakeSlack.calls("chat.update");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).params().get("channel")).isEqualTo("C-all");
    assertThat(updates.get(0).json("blocks").toString()).contains("Also covered by").contains("The Verge");

    clock.set(T0.plus(Duration.ofMinutes(15)).plusSeconds(20));
    rss.publish("/tc.xml", rss.item("t-gpt5", "OpenAI's GPT-5 launches for all ChatGPT users",
        "https://techcrunch.com/gpt-5", "OpenAI on Thursday released GPT-5, its new flagship model, to ChatGPT users."));
    pollAll();
    var posts = fakeSlack.calls("chat.postMessage");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).params().get("channel")).isEqualTo("C-tc");
    assertThat(posts.get(1).json("blocks").toString()).contains("OpenAI News").contains("The Verge");
    assertThat(fakeDiscord.editsIn(FakeDiscord.CHANNEL_ID)).as("edit waits for the minute").hasSize(1);

    clock.set(T0.plus(Duration.ofMinutes(16)).plusSeconds(5));
    dispatcher.dispatchDue();
    edits = fakeDiscord.editsIn(FakeDiscord.CHANNEL_ID);
    assertThat(edits).hasSize(2);
    assertThat(edits.get(1).path("message_id").asText()).isEqualTo(edits.get(0).path("message_id").asText());
    assertThat(edits.get(1).path("body").toString()).contains("The Verge").contains("TechCrunch");
    assertThat(fakeSlack.calls("chat.update")).hasSize(2);
    assertThat(fakeSlack.calls("chat.update").get(1).json("blocks").toString()).contains("TechCrunch");
    String ts = fakeSlack.calls("chat.update").get(0).params().get("ts");
    assertThat(ts).as("the posted message's ts").isNotBlank();
    assertThat(fakeSlack.calls("chat.update").get(1).params().get("ts")).isEqualTo(ts);
  }

  // ------------------------------------------------------------------ helpers

  private void pollAll() {
    for (Feed f : feeds.all()) cycle.poll(f, true);
    dispatcher.dispatchDue();
  }

  /** Adds items on top of what the feed already lists (newest first). */
}
