package dev.newswire.scenario;

import static dev.newswire.scenario.BotHarness.titles;
import static dev.newswire.scenario.RssDoc.rss;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.config.FeedConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each newness rule through the real pipeline against a local feed server: posted exactly once, or never. */
class NewnessScenarioTest {
  FakeFeedServer server;
  BotHarness bot;

  @BeforeEach
  void start() {
    server = FakeFeedServer.start();
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
    server.close();
  }

  private BotHarness botFor(String... paths) {
    List<FeedConfig> feeds = java.util.Arrays.stream(paths)
        .map(p -> new FeedConfig(server.url(p).toString(), "Feed " + p, null, true)).toList();
    bot = new BotHarness(feeds);
    return bot;
  }

  private static final String D1 = "Mon, 02 Nov 2026 10:00:00 GMT";
  private static final String D2 = "Tue, 03 Nov 2026 10:00:00 GMT";
  private static final String D3 = "Wed, 04 Nov 2026 10:00:00 GMT";

  @Test
  void baselineThenEachNewStoryExactlyOnceOldestFirst() {
    server.feed("/a.xml", rss().item("1", "One", "https://n.example/1", D1).xml());
    botFor("/a.xml");
    assertThat(bot.poll()).as("first poll is a baseline").isEmpty();

    server.feed("/a.xml", rss().item("3", "Three", "https://n.example/3", D3).item("2", "Two", "https://n.example/2", D2)
        .item("1", "One", "https://n.example/1", D1).xml());
    List<JsonNode> posts = bot.poll();
    assertThat(titles(posts)).containsExactly("Two", "Three");
    JsonNode first = posts.get(0);
    assertThat(first.get("channel").asText()).isEqualTo("console");
    assertThat(first.get("feed").asText()).isEqualTo(server.url("/a.xml").toString());
    assertThat(first.get("id").asText()).isEqualTo("2");
    assertThat(first.get("link").asText()).isEqualTo("https://n.example/2");
    assertThat(first.get("published").asText()).isEqualTo("2026-11-03T10:00:00Z");

    assertThat(bot.poll()).as("nothing changed").isEmpty();
    assertThat(server.lastRequest("/a.xml").header("If-None-Match")).as("conditional GET").isNotNull();
  }

  @Test
  void bumpedDatesAndReorderingPostNothing() {
    server.feed("/a.xml", rss().item("1", "One", "https://n.example/1", D1).item("2", "Two", "https://n.example/2", D2).xml());
    botFor("/a.xml");
    bot.poll();
    server.feed("/a.xml", rss().item("2", "Two", "https://n.example/2", D3).item("1", "One", "https://n.example/1", D3).xml());
    assertThat(bot.poll()).isEmpty();
  }

  @Test
  void guidChurnPostsNothingButABackDatedNewStoryIsPosted() {
    server.feed("/a.xml", rss().item("1", "One", "https://n.example/1", D2).item("2", "Two", "https://n.example/2", D2).xml());
    botFor("/a.xml");
    bot.poll();
    server.feed("/a.xml", rss()
        .item("1-v2", "One", "https://n.example/1", D2)                 // new guid, same link
        .item("2-v2", "Two", "https://n.example/2?utm_source=rss", D2)  // new guid, link with tracking only
        .item("old", "Written long ago", "https://n.example/old", "Mon, 01 Jan 2024 10:00:00 GMT").xml());
    assertThat(titles(bot.poll())).containsExactly("Written long ago");
  }

  @Test
  void oldItemSlidingBackIntoTheWindowIsNotNew() {
    server.feed("/a.xml", rss().item("1", "One", "https://n.example/1", D1).item("2", "Two", "https://n.example/2", D2).xml());
    botFor("/a.xml");
    bot.poll();
    server.feed("/a.xml", rss().item("3", "Three", "https://n.example/3", D3).item("2", "Two", "https://n.example/2", D2).xml());
    assertThat(titles(bot.poll())).containsExactly("Three");
    server.feed("/a.xml", rss().item("3", "Three", "https://n.example/3", D3).item("1", "One", "https://n.example/1", D1).xml());
    assertThat(bot.poll()).isEmpty();
  }

  @Test
  void dateOnlyAndUndatedItemsAreNeitherMissedNorRepeated() {
    server.feed("/a.xml", rss().item(null, "Alpha", "https://n.example/a", "2026-11-02").xml());
    botFor("/a.xml");
    bot.poll();
    server.feed("/a.xml", rss().item(null, "Gamma", "https://n.example/g", null)
        .item(null, "Beta", "https://n.example/b", "2026-11-02").item(null, "Alpha", "https://n.example/a", "2026-11-02").xml());
    assertThat(titles(bot.poll())).containsExactly("Beta", "Gamma");
    assertThat(bot.poll()).isEmpty();
  }

  @Test
  void aBrokenFeedDoesNotStopTheOthersAndSaysWhatFailed() {
    server.feed("/good.xml", rss().item("1", "One", "https://n.example/1", D1).xml());
    server.feed("/bad.xml", "<html><body>Not a feed</body></html>").contentType("text/html");
    server.status("/gone.xml", 404);
    botFor("/good.xml", "/bad.xml", "/gone.xml");
    bot.poll();
    server.feed("/good.xml", rss().item("2", "Two", "https://n.example/2", D2).item("1", "One", "https://n.example/1", D1).xml());
    assertThat(titles(bot.poll())).containsExactly("Two");

    List<Feed> feeds = bot.app().feeds().all();
    Feed bad = feeds.stream().filter(f -> f.url().endsWith("/bad.xml")).findFirst().orElseThrow();
    Feed gone = feeds.stream().filter(f -> f.url().endsWith("/gone.xml")).findFirst().orElseThrow();
    assertThat(bad.health().consecutiveFailures()).isEqualTo(2);
    assertThat(bad.health().lastError()).containsIgnoringCase("html");
    assertThat(gone.health().lastError()).contains("404");
    assertThat(gone.health().nextAttemptAt()).isNotNull();
  }

  @Test
  void aFeedThatKeepsFailingIsPausedWithAReason() {
    server.status("/down.xml", 500);
    botFor("/down.xml");
    for (int i = 0; i < 3; i++) bot.poll(); // maxFailures is 3 in the harness
    Feed down = bot.app().feeds().all().get(0);
    assertThat(down.paused()).isTrue();
    assertThat(down.health().pausedReason()).contains("Paused after 3 failed polls").contains("500").contains("resume");
    int requests = server.requestCount("/down.xml");
    bot.poll();
    assertThat(server.requestCount("/down.xml")).as("a paused feed is not fetched").isEqualTo(requests);
  }
}
