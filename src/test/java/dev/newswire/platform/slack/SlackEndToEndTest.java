package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.Secrets;
import dev.newswire.config.SlackSettings;
import dev.newswire.config.SubscriptionConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.fakes.FakeSlack.Signing;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole bot as `run` builds it, against FakeSlack over HTTP: real Bolt, the real command registry, subscriptions
 * from the config, a local feed server. A new story reaches the subscribed channel once, escaped; /news answers.
 */
class SlackEndToEndTest {

  private static String rss(String... guidTitle) {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Chip Wire</title>");
    for (int i = 0; i < guidTitle.length; i += 2) {
      sb.append("<item><guid>").append(guidTitle[i]).append("</guid><title>").append(guidTitle[i + 1])
          .append("</title><link>https://n.example/").append(guidTitle[i]).append("</link>")
          .append("<description>Nvidia ships a new GPU. &amp;lt;!channel&amp;gt; read this.</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void newStoryIsPostedOnceAndNewsCommandsAnswer() throws Exception {
    try (FakeSlack slack = new FakeSlack(); FakeFeedServer feeds = FakeFeedServer.start()) {
      slack.user("UADMIN", true).user("UMEMBER", false);
      feeds.feed("/chips.xml", rss("1", "Old GPU news"));
      int port = freePort();
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withFeeds(List.of(new FeedConfig(feeds.url("/chips.xml").toString(), "Chip Wire", null, true)))
          .withTopics(Topics.example().topics())
          .withSecrets(new Secrets(null, FakeSlack.BOT_TOKEN, FakeSlack.SIGNING_SECRET, null, null, null))
          .withSlack(new SlackSettings(slack.methodsUrlPrefix(), port, false))
          .withSubscriptions(List.of(new SubscriptionConfig("slack", "T1", "C1", List.of("chips"), null, null,
              "instant", null, null, null, null)));
      try (App app = new App(cfg, new PrintStream(new ByteArrayOutputStream()), true, Clock.systemUTC())) {
        app.start();
        app.runOnce();
        feeds.feed("/chips.xml", rss("2", "Nvidia unveils Blackwell Ultra GPU", "1", "Old GPU news"));
        app.runOnce();
        app.runOnce();
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).params().get("channel")).isEqualTo("C1");
        assertThat(posts.get(0).params().get("text")).contains("Nvidia unveils Blackwell Ultra GPU");
        String blocks = posts.get(0).params().get("blocks");
        assertThat(blocks).contains("&lt;!channel&gt;").doesNotContain("<!channel>");

        String url = "http://127.0.0.1:" + port + SlackBot.EVENTS_PATH;
        assertThat(slack.send(url, slack.slashCommand("/news", "latest count:1", "UMEMBER", "C1", Signing.VALID)).statusCode())
            .isEqualTo(200);
        JsonNode latest = slack.await("response_url", 1, Duration.ofSeconds(15)).get(0).body();
        assertThat(latest.toString()).contains("Nvidia unveils Blackwell Ultra GPU");

        assertThat(slack.send(url, slack.slashCommand("/news-admin", "status", "UMEMBER", "C1", Signing.VALID)).statusCode())
            .isEqualTo(200);
        JsonNode refused = slack.await("response_url", 2, Duration.ofSeconds(15)).get(1).body();
        assertThat(refused.toString()).containsIgnoringCase("admin");
        assertThat(refused.path("response_type").asText("ephemeral")).isEqualTo("ephemeral");

        assertThat(slack.send(url, slack.slashCommand("/news-admin", "status", "UADMIN", "C1", Signing.VALID)).statusCode())
            .isEqualTo(200);
        JsonNode status = slack.await("response_url", 3, Duration.ofSeconds(15)).get(2).body();
        assertThat(status.toString()).contains("Feeds: 1 (1 ok");

        assertThat(slack.send(url, slack.slashCommand("/news", "latest", "UMEMBER", "C1", Signing.FORGED)).statusCode())
            .isEqualTo(401);
      }
    }
  }
}
