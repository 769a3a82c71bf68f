package dev.newswire.digest;

import dev.newswire.support.GrowingFeeds;
import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.SubscriptionConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A story three outlets ran outranks a newer story only one ran (both on a subscribed topic), appears once, and
 * says "covered by 3 sources": the real App on H2 with the console platform in text mode.
 */
class DigestClusterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
  GrowingFeeds rss;
  private FakeFeedServer server;

  @Test
  void aStoryCoveredByThreeSourcesOutranksANewerSingleSourceStory() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FakeFeedServer s = FakeFeedServer.start()) {
      server = s;
      rss = new GrowingFeeds(server, clock);
      rss.publish("/openai.xml", rss.item("o-old", "Introducing OpenAI for Government", "https://openai.com/gov", "A new offering for US agencies."));
      rss.publish("/verge.xml", rss.item("v-old", "Apple sued over Siri delays", "https://theverge.com/siri", "Shareholders filed a lawsuit."));
      rss.publish("/tc.xml", rss.item("t-old", "Meta hires Apple's Ruoming Pang", "https://techcrunch.com/pang", "Meta poached a models chief."));
      rss.publish("/hw.xml", rss.item("h-old", "TSMC expands chip packaging in Arizona", "https://hw.example/tsmc", "Advanced packaging moves to the US."));
      NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
          .withNetwork(NetworkConfig.defaults().withAllowPrivateAddresses(true))
          .withFeeds(List.of(new FeedConfig(server.url("/openai.xml").toString(), "OpenAI News", null, true),
              new FeedConfig(server.url("/verge.xml").toString(), "The Verge", null, true),
              new FeedConfig(server.url("/tc.xml").toString(), "TechCrunch", null, true),
              new FeedConfig(server.url("/hw.xml").toString(), "Hardware Weekly", null, true)))
          .withTopics(Topics.example().topics())
          .withSubscriptions(List.of(new SubscriptionConfig("console", "-", "console", List.of("llms", "chips"), null,
              null, "daily", "09:00", "UTC", null, null)));
      try (App app = new App(cfg, new PrintStream(out, true, StandardCharsets.UTF_8), false, clock)) {
        app.runOnce(); // baseline
        clock.set("2026-11-28T06:10:00Z");
        rss.publish("/openai.xml", rss.item("o-gpt5", "OpenAI launches GPT-5", "https://openai.com/gpt-5",
            "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet."));
        app.runOnce();
        clock.set("2026-11-28T06:15:00Z");
        rss.publish("/verge.xml", rss.item("v-gpt5", "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT",
            "https://theverge.com/gpt-5", "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said."));
        app.runOnce();
        clock.set("2026-11-28T06:20:00Z");
        rss.publish("/tc.xml", rss.item("t-gpt5", "OpenAI's GPT-5 launches for all ChatGPT users", "https://techcrunch.com/gpt-5",
            "OpenAI on Thursday released GPT-5, its new flagship model, to ChatGPT users."));
        app.runOnce();
        clock.set("2026-11-28T07:30:00Z");
        rss.publish("/hw.xml", rss.item("h-gpu", "Nvidia unveils Blackwell GPU for data centers", "https://hw.example/blackwell",
            "Nvidia's new Blackwell GPU targets data centers and model training."));
        app.runOnce();
        clock.set("2026-11-28T09:00:00Z");
        assertThat(app.digests().runDue()).isEqualTo(1);
      }
    }
    String all = out.toString(StandardCharsets.UTF_8);
    String digest = all.substring(all.indexOf("══ Daily AI news digest"));
    assertThat(digest).contains("top 2 stories");
    int story = digest.indexOf("OpenAI launches GPT-5");
    int newer = digest.indexOf("Nvidia unveils Blackwell GPU for data centers");
    assertThat(story).as("the first report is the entry").isPositive();
    assertThat(newer).as("the newer single-source story comes second").isGreaterThan(story);
    assertThat(digest).doesNotContain("GPT-5 is here").doesNotContain("OpenAI's GPT-5 launches");
    assertThat(digest.substring(story, newer)).contains("Covered by 3 sources: OpenAI News,"
        + " The Verge (https://theverge.com/gpt-5), TechCrunch (https://techcrunch.com/gpt-5)");
    assertThat(digest.substring(newer)).doesNotContain("Covered by");
  }

  /** Adds items on top of what the feed already lists (newest first). */
}
