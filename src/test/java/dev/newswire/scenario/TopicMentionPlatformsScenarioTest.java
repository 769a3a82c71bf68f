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
import dev.newswire.delivery.Mention;
import dev.newswire.delivery.ProblemReporter;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.news.Feed;
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
import dev.newswire.store.jdbc.JdbcTopicMentionStore;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.subscription.TopicMentions;
import dev.newswire.support.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Topic mentions end to end: feed → classifier → outbox → Dispatcher → real JDA and Bolt against FakeDiscord and
 * FakeSlack. A story on the mentioned topic pings exactly the configured role / user group; other stories, and the
 * "also covered by" edit of the pinged message, ping nobody.
 */
class TopicMentionPlatformsScenarioTest {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final String ROLE = "424242424242424242";
  static final ChannelRef DISCORD = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
  static final ChannelRef SLACK = new ChannelRef("slack", "T1", "C-news");

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
        new FeedConfig(server.url("/verge.xml").toString(), "The Verge", null, true)));
    JdbcItemStore items = new JdbcItemStore(db);
    Router router = (feed, item) -> List.of(DISCORD, SLACK);
    cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)), new FeedParser(),
        new Deduper(), new TopicClassifier(Topics.example()), router, feeds, items, PollingConfig.defaults(), clock,
        PipelineMetrics.NOOP, dev.newswire.App.clustererFor(ClusteringConfig.defaults(), items, clock));
    JdbcTopicMentionStore mentions = new JdbcTopicMentionStore(db, clock);
    mentions.add(DISCORD, "llms", new Mention(Mention.Kind.ROLE, ROLE));
    mentions.add(SLACK, "llms", new Mention(Mention.Kind.USERGROUP, "S0MLTEAM"));
    dispatcher = new Dispatcher(new JdbcDeliveryStore(db), Map.of(
        "discord", new DiscordPlatform(bot.jda(), new DiscordRenderer(), Duration.ofSeconds(15)),
        "slack", new SlackPlatform(slackClient, FakeSlack.BOT_TOKEN)), new Enricher(Topics.example()), clock,
        PipelineMetrics.NOOP, "test", Dispatcher.DEFAULT_LEASE, ProblemReporter.NONE,
        new TopicMentions(mentions, new TopicClassifier(Topics.example())));
  }

  @AfterEach
  void stop() throws Exception {
    dispatcher.close();
    db.close();
    bot.close();
    fakeDiscord.close();
    slackClient.close();
    fakeSlack.close();
    server.close();
  }

  @Test
  void aStoryOnTheTopicPingsTheRoleOnceAndOtherStoriesAndEditsPingNobody() {
    rss.publish("/openai.xml", rss.item("o-old", "Introducing OpenAI for Government", "https://openai.com/gov", "A new offering."));
    rss.publish("/verge.xml", rss.item("v-old", "Apple sued over Siri delays", "https://theverge.com/siri", "A lawsuit."));
    pollAll(); // the silent baseline

    clock.set(T0.plus(Duration.ofMinutes(10)));
    rss.publish("/openai.xml", rss.item("o-gpt5", "OpenAI launches GPT-5", "https://openai.com/gpt-5",
        "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet. @everyone @channel"));
    pollAll();
    clock.set(T0.plus(Duration.ofMinutes(11)));
    rss.publish("/verge.xml", rss.item("v-nvidia", "Nvidia unveils Blackwell chips for data centers",
        "https://theverge.com/blackwell", "Nvidia's new data center GPU ships next quarter."));
    pollAll();

    List<JsonNode> discordPosts = fakeDiscord.messagesIn(FakeDiscord.CHANNEL_ID);
    assertThat(discordPosts).hasSize(2);
    JsonNode pinged = discordPosts.get(0);
    assertThat(pinged.at("/embeds/0/title").asText()).isEqualTo("OpenAI launches GPT-5");
    assertThat(pinged.path("content").asText()).isEqualTo("<@&" + ROLE + ">");
    assertThat(pinged.at("/allowed_mentions/parse")).isEmpty();
    assertThat(pinged.at("/allowed_mentions/roles").toString()).isEqualTo("[\"" + ROLE + "\"]");
    assertThat(pinged.at("/allowed_mentions/users").isMissingNode() || pinged.at("/allowed_mentions/users").isEmpty()).isTrue();
    assertThat(pinged.toString()).doesNotContain("\"@everyone").contains("@\u200Beveryone");

    JsonNode quiet = discordPosts.get(1);
    assertThat(quiet.at("/embeds/0/title").asText()).isEqualTo("Nvidia unveils Blackwell chips for data centers");
    assertThat(quiet.path("content").asText("")).isEmpty();
    assertThat(quiet.at("/allowed_mentions/parse")).isEmpty();
    assertThat(quiet.at("/allowed_mentions/roles").isMissingNode() || quiet.at("/allowed_mentions/roles").isEmpty()).isTrue();

    var slackPosts = fakeSlack.calls("chat.postMessage");
    assertThat(slackPosts).hasSize(2);
    assertThat(slackPosts.get(0).params().get("text")).startsWith("<!subteam^S0MLTEAM> OpenAI launches GPT-5");
    assertThat(slackPosts.get(0).json("blocks").get(0).at("/text/text").asText()).isEqualTo("<!subteam^S0MLTEAM>");
    assertThat(slackPosts.get(0).json("blocks").toString()).contains("@\u200Bchannel").doesNotContain("@channel");
    assertThat(slackPosts.get(1).params().get("text")).doesNotContain("subteam");
    assertThat(slackPosts.get(1).json("blocks").toString()).doesNotContain("subteam");

    // Another outlet covers GPT-5: the pinged message is edited with "also covered by", and the edit pings nobody.
    clock.set(T0.plus(Duration.ofMinutes(15)));
    rss.publish("/verge.xml", rss.item("v-gpt5", "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT",
        "https://theverge.com/gpt-5", "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said."));
    pollAll();
    assertThat(fakeDiscord.messagesIn(FakeDiscord.CHANNEL_ID)).as("no new post").hasSize(2);
    List<JsonNode> edits = fakeDiscord.editsIn(FakeDiscord.CHANNEL_ID);
    assertThat(edits).hasSize(1);
    JsonNode edit = edits.get(0).path("body");
    assertThat(edit.toString()).contains("Also covered by");
    assertThat(edit.has("content")).as("the edit leaves the content (and its ping) as posted").isFalse();
    assertThat(edit.at("/allowed_mentions/parse")).isEmpty();
    assertThat(edit.at("/allowed_mentions/roles").isMissingNode() || edit.at("/allowed_mentions/roles").isEmpty()).isTrue();
    var updates = fakeSlack.calls("chat.update");
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).params().get("text")).doesNotContain("subteam");
    assertThat(updates.get(0).json("blocks").toString()).contains("Also covered by").doesNotContain("subteam");
  }

  // ------------------------------------------------------------------ helpers

  private void pollAll() {
    for (Feed f : feeds.all()) cycle.poll(f, true);
    dispatcher.dispatchDue();
  }

  /** Adds items on top of what the feed already lists (newest first). */
}
