package dev.newswire.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.Secrets;
import dev.newswire.config.SubscriptionConfig;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole bot as `run` builds it, against FakeDiscord: real JDA, the real command registry, subscriptions from the
 * config, a local feed server. A new story reaches the subscribed channel as one embed; slash commands answer.
 */
class DiscordEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long CREATE_PUBLIC_THREADS = 1L << 35;

  private static String rss(String... guidTitle) {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Chip Wire</title>");
    for (int i = 0; i < guidTitle.length; i += 2) {
      sb.append("<item><guid>").append(guidTitle[i]).append("</guid><title>").append(guidTitle[i + 1])
          .append("</title><link>https://n.example/").append(guidTitle[i]).append("</link>")
          .append("<description>Nvidia ships a new GPU for AI data centres. @everyone look.</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Test
  void newStoryIsPostedToTheSubscribedChannelAndSlashCommandsAnswer() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(); FakeFeedServer feeds = FakeFeedServer.start()) {
      discord.everyonePermissions(FakeDiscord.DEFAULT_BOT_PERMISSIONS | CREATE_PUBLIC_THREADS);
      feeds.feed("/chips.xml", rss("1", "Old GPU news"));
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withFeeds(List.of(new FeedConfig(feeds.url("/chips.xml").toString(), "Chip Wire", null, true)))
          .withTopics(Topics.example().topics())
          .withSecrets(new Secrets(FakeDiscord.TOKEN, null, null, null, null, null))
          .withDiscord(discord.config())
          .withSubscriptions(List.of(new SubscriptionConfig("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID,
              List.of("chips"), null, null, "instant", null, null, null, null)));
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        app.runOnce();
        assertThat(discord.messagesIn(FakeDiscord.CHANNEL_ID)).as("baseline posts nothing").isEmpty();

        feeds.feed("/chips.xml", rss("2", "Nvidia unveils Blackwell Ultra GPU", "1", "Old GPU news"));
        app.runOnce();
        List<JsonNode> posted = discord.messagesIn(FakeDiscord.CHANNEL_ID);
        assertThat(posted).hasSize(1);
        JsonNode embed = posted.get(0).get("embeds").get(0);
        assertThat(embed.get("title").asText()).isEqualTo("Nvidia unveils Blackwell Ultra GPU");
        assertThat(embed.toString()).contains("Why it matters");
        assertThat(posted.get(0).get("allowed_mentions").get("parse")).isEmpty();
        app.runOnce();
        assertThat(discord.messagesIn(FakeDiscord.CHANNEL_ID)).as("never twice").hasSize(1);

        FakeDiscord.Interaction latest = discord.slashCommand("news", null, "latest", Map.of("count", 1L), false);
        discord.awaitRequest("POST", latest.callbackPath(), WAIT);
        JsonNode answer = discord.awaitRequest("PATCH", latest.originalPath(), WAIT).json();
        assertThat(answer.toString()).contains("Nvidia unveils Blackwell Ultra GPU");

        FakeDiscord.Interaction refused = discord.slashCommand("news-admin", null, "status", Map.of(), false);
        JsonNode deferred = discord.awaitRequest("POST", refused.callbackPath(), WAIT).json();
        assertThat(deferred.get("data").get("flags").asInt() & 64).as("admin answers are ephemeral").isEqualTo(64);
        JsonNode refusal = discord.awaitRequest("PATCH", refused.originalPath(), WAIT).json();
        assertThat(refusal.toString()).containsIgnoringCase("admin");

        FakeDiscord.Interaction threads = discord.slashCommand("news-admin", null, "threads", Map.of("state", "on"), true);
        assertThat(discord.awaitRequest("PATCH", threads.originalPath(), WAIT).json().toString()).contains("public thread");
        feeds.feed("/chips.xml", rss("3", "TSMC GPU packaging capacity doubles", "2", "Nvidia unveils Blackwell Ultra GPU"));
        app.runOnce();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (discord.threadsCreated().isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(discord.threadsCreated()).hasSize(1);
        assertThat(discord.threadsCreated().get(0).get("body").get("name").asText()).isEqualTo("TSMC GPU packaging capacity doubles");

        FakeDiscord.Interaction status = discord.slashCommand("news-admin", null, "status", Map.of(), true);
        JsonNode statusAnswer = discord.awaitRequest("PATCH", status.originalPath(), WAIT).json();
        assertThat(statusAnswer.toString()).contains("Feeds: 1 (1 ok");
      }
    }
  }
}
