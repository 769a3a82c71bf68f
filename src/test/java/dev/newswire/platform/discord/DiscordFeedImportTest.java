package dev.newswire.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.App;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.Secrets;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.news.Feed;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /news-admin feed import with an attached OPML file, end to end: FakeDiscord sends the interaction with the
 * attachment in Discord's wire format (an ATTACHMENT option plus data.resolved.attachments), the real JDA parses it,
 * the bot downloads the file from the fake's URL and answers with the summary.
 */
class DiscordFeedImportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final String OPML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0"><head><title>My feeds</title></head>
      <body>
        <outline text="Tech">
          <outline text="AI Blog" xmlUrl="https://ai.example/rss"/>
          <outline text="Chips" xmlUrl="https://chips.example/atom"/>
        </outline>
        <outline text="AI again" xmlUrl="https://ai.example/rss"/>
      </body></opml>
      """;

  @Test
  void anAttachedOpmlFileIsDownloadedAndImported() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start()) {
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          // The fake's "CDN" is on loopback.
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withTopics(Topics.example().topics())
          .withSecrets(new Secrets(FakeDiscord.TOKEN, null, null, null, null, null))
          .withDiscord(discord.config());
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        String registered = DiscordCommands.commandData(app.commands().specs()).stream()
            .filter(c -> c.getName().equals("news-admin")).findFirst().orElseThrow().toData().toString();
        assertThat(registered).contains("\"name\":\"import\"").contains("\"type\":11");

        byte[] file = OPML.getBytes(StandardCharsets.UTF_8);
        FakeDiscord.Interaction refused = discord.slashCommandWithAttachment("news-admin", "feed", "import", "file",
            "feeds.opml", file, Map.of(), false);
        assertThat(discord.awaitRequest("PATCH", refused.originalPath(), WAIT).json().toString()).contains("Only admins");
        assertThat(discord.attachmentDownloads()).as("nothing downloaded for a non-admin").isZero();

        FakeDiscord.Interaction dry = discord.slashCommandWithAttachment("news-admin", "feed", "import", "file",
            "feeds.opml", file, Map.of("dry-run", true), true);
        assertThat(discord.awaitRequest("PATCH", dry.originalPath(), WAIT).json().get("content").asText())
            .contains("Dry run", "would import 2 feeds");
        assertThat(app.feeds().all()).isEmpty();

        FakeDiscord.Interaction run = discord.slashCommandWithAttachment("news-admin", "feed", "import", "file",
            "feeds.opml", file, Map.of(), true);
        JsonNode deferred = discord.awaitRequest("POST", run.callbackPath(), WAIT).json();
        assertThat(deferred.get("data").get("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        String answer = discord.awaitRequest("PATCH", run.originalPath(), WAIT).json().get("content").asText();
        assertThat(answer).contains("Imported **2** feeds from feeds.opml", "1 category (Tech)", "skipped 1 duplicate",
            "line 8 ('AI again'): skipped: same feed as line 5");
        assertThat(app.feeds().all().stream().map(Feed::url).toList())
            .containsExactlyInAnyOrder("https://ai.example/rss", "https://chips.example/atom");
        assertThat(discord.attachmentDownloads()).isEqualTo(2);
      }
    }
  }
}
