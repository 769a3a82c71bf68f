package dev.newswire.digest;

import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.App;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.SubscriptionConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A daily 09:00 Europe/Berlin digest for a topic, driven by a controllable clock across the spring DST change:
 * it fires at 08:00 UTC before the change and 07:00 UTC after it, with exactly the matching stories since the last.
 */
class DigestScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A clock the test moves by hand. */
  private static String rss(String... guidTitle) {
    StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Wire</title>");
    for (int i = 0; i < guidTitle.length; i += 2) {
      sb.append("<item><guid>").append(guidTitle[i]).append("</guid><title>").append(guidTitle[i + 1])
          .append("</title><link>https://n.example/").append(guidTitle[i]).append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Test
  void dailyDigestFiresAtLocalNineAcrossDstWithTheRightStories() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-27T12:00:00Z"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FakeFeedServer server = FakeFeedServer.start()) {
      server.feed("/f.xml", rss("0", "Old story"));
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withFeeds(List.of(new FeedConfig(server.url("/f.xml").toString(), "Wire", null, true)))
          .withTopics(Topics.example().topics())
          .withSubscriptions(List.of(new SubscriptionConfig("console", "-", "console", List.of("chips"), null, null,
              "daily", "09:00", "Europe/Berlin", null, List.of("crypto"))));
      try (App app = new App(cfg, new PrintStream(out, true, StandardCharsets.UTF_8), true, clock)) {
        app.runOnce(); // baseline
        clock.set("2026-03-28T07:00:00Z");
        server.feed("/f.xml", rss("1", "Nvidia ships a new GPU", "2", "OpenAI raises money", "3", "GPU maker bets on crypto", "0", "Old story"));
        app.runOnce();
        clock.set("2026-03-28T07:59:00Z");
        assertThat(app.digests().runDue()).as("not yet 09:00 CET").isZero();
        clock.set("2026-03-28T08:00:00Z");
        assertThat(app.digests().runDue()).isEqualTo(1);
        assertThat(app.digests().runDue()).as("once").isZero();

        clock.set("2026-03-28T20:00:00Z");
        server.feed("/f.xml", rss("4", "TSMC expands chip packaging", "1", "Nvidia ships a new GPU"));
        app.runOnce();
        clock.set("2026-03-29T06:59:00Z");
        assertThat(app.digests().runDue()).isZero();
        clock.set("2026-03-29T07:00:00Z");
        assertThat(app.digests().runDue()).as("09:00 CEST").isEqualTo(1);

        clock.set("2026-03-29T12:00:00Z");
        Reply none = app.commands().dispatch("news-admin", "digest now",
            new Invocation(ChannelRef.CONSOLE, "admin", "admin", true, Map.of(), clock.instant()));
        assertThat(((Reply.Text) none).text()).contains("No new stories");
      }
    }
    List<JsonNode> digests = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.contains("\"digest\"")) digests.add(JSON.readTree(line));
    }
    assertThat(digests).hasSize(2);
    assertThat(digests.get(0).get("stories").toString()).contains("Nvidia ships a new GPU")
        .doesNotContain("OpenAI raises money").doesNotContain("crypto");
    assertThat(digests.get(1).get("stories").toString()).contains("TSMC expands chip packaging")
        .doesNotContain("Nvidia");
    assertThat(digests.get(0).get("digest").asText()).startsWith("Daily AI news digest");
  }
}
