package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.App;
import dev.newswire.command.Attachment;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.Secrets;
import dev.newswire.config.SlackSettings;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.fakes.FakeSlack.Signing;
import dev.newswire.news.Feed;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /news-admin feed import with a link, through real Bolt against FakeSlack; the file server is on loopback. */
class SlackFeedImportTest {
  private static final String OPML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0"><head><title>My feeds</title></head>
      <body>
        <outline text="News"><outline text="Wire" xmlUrl="https://wire.example/rss"/></outline>
        <outline text="Broken" xmlUrl="feed://podcast.example/rss"/>
      </body></opml>
      """;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aLinkedOpmlFileIsFetchedAndReportedLineByLine() throws Exception {
    try (FakeSlack slack = new FakeSlack(); FakeFeedServer files = FakeFeedServer.start()) {
      slack.user("UADMIN", true).user("UMEMBER", false);
      files.feed("/broken.opml", OPML);
      files.feed("/good.opml", OPML.replace("feed://podcast.example/rss", "https://podcast.example/rss"));
      int port = freePort();
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true)) // the file server is on loopback
          .withTopics(Topics.example().topics())
          .withSecrets(new Secrets(null, FakeSlack.BOT_TOKEN, FakeSlack.SIGNING_SECRET, null, null, null))
          .withSlack(new SlackSettings(slack.methodsUrlPrefix(), port, false));
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        app.start();
        String url = "http://127.0.0.1:" + port + SlackBot.EVENTS_PATH;

        // Slack wraps links in <...>.
        slack.send(url, slack.slashCommand("/news-admin", "feed import <" + files.url("/broken.opml") + ">", "UADMIN",
            "C1", Signing.VALID));
        JsonNode broken = slack.await("response_url", 1, Duration.ofSeconds(15)).get(0).body();
        assertThat(broken.toString()).contains("Nothing imported", "line 5 ('Broken')", "replace feed:// with https://");
        assertThat(app.feeds().all()).isEmpty();

        slack.send(url, slack.slashCommand("/news-admin", "feed import <" + files.url("/good.opml") + "> dry-run:yes",
            "UADMIN", "C1", Signing.VALID));
        JsonNode dry = slack.await("response_url", 2, Duration.ofSeconds(15)).get(1).body();
        assertThat(dry.toString()).contains("Dry run", "would import 2 feeds");
        assertThat(app.feeds().all()).isEmpty();

        slack.send(url, slack.slashCommand("/news-admin", "feed import " + files.url("/good.opml"), "UADMIN", "C1",
            Signing.VALID));
        JsonNode done = slack.await("response_url", 3, Duration.ofSeconds(15)).get(2).body();
        assertThat(done.toString()).contains("Imported *2* feeds from good.opml", "1 category (News)");
        assertThat(app.feeds().all().stream().map(Feed::url).toList())
            .containsExactlyInAnyOrder("https://wire.example/rss", "https://podcast.example/rss");
        assertThat(files.lastRequest("/good.opml").header("Authorization")).as("no token for non-Slack hosts").isNull();

        slack.send(url, slack.slashCommand("/news-admin", "feed import " + files.url("/good.opml"), "UMEMBER", "C1",
            Signing.VALID));
        JsonNode refused = slack.await("response_url", 4, Duration.ofSeconds(15)).get(3).body();
        assertThat(refused.toString()).contains("Only admins");
        assertThat(files.requestCount("/good.opml")).isEqualTo(2);
      }
    }
  }

  @Test
  void theBotTokenIsAddedOnlyForSlackFileLinks() {
    Map<String, Object> slackFile = SlackBot.withFileAuth(
        Map.of("file", Attachment.link("https://files.slack.com/files-pri/T1-F1/subs.opml")), "xoxb-1");
    assertThat(((Attachment) slackFile.get("file")).headers()).containsEntry("Authorization", "Bearer xoxb-1");
    for (String other : new String[] {"https://files.slack.com.evil.example/x.opml", "https://evil.example/files.slack.com/x",
        "http://files.slack.com/files-pri/T1-F1/subs.opml", "https://example.com/subs.opml"}) {
      Map<String, Object> out = SlackBot.withFileAuth(Map.of("file", Attachment.link(other)), "xoxb-1");
      assertThat(((Attachment) out.get("file")).headers()).as(other).isEmpty();
    }
    assertThat(SlackBot.withFileAuth(Map.of("file", Attachment.link("https://files.slack.com/x")), null).get("file"))
        .isEqualTo(Attachment.link("https://files.slack.com/x"));
    assertThat(Attachment.link("https://files.slack.com/x").withHeader("Authorization", "Bearer xoxb-1").toString())
        .doesNotContain("xoxb");
  }
}
