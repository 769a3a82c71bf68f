package dev.newswire.command;

import dev.newswire.support.GrowingFeeds;
import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Card;
import dev.newswire.news.SourceLink;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three outlets run one story, a fourth an unrelated one: /news latest and /news search show two stories, the
 * shared one with the other two outlets under "Also covered by" (Invocation in, Reply out, the real App on H2).
 */
class StoryClusterCommandsTest {
  static final ChannelRef CH = new ChannelRef("discord", "500", "600");
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  GrowingFeeds rss;
  FakeFeedServer server;
  App app;

  @BeforeEach
  void setUp() throws Exception {
    server = FakeFeedServer.start();
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
        .withTopics(Topics.example().topics());
    app = new App(cfg, new PrintStream(new ByteArrayOutputStream(), true), true, clock);
    app.runOnce(); // baseline

    // Polls run in parallel: one outlet per cycle keeps "who reported first" deterministic.
    clock.advance(Duration.ofMinutes(10));
    rss.publish("/openai.xml", rss.item("o-gpt5", "OpenAI launches GPT-5", "https://openai.com/gpt-5",
        "OpenAI released GPT-5 to all ChatGPT users, calling it its smartest model yet."));
    app.runOnce();
    clock.advance(Duration.ofMinutes(5));
    rss.publish("/verge.xml", rss.item("v-gpt5", "GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT", "https://theverge.com/gpt-5",
        "The new model GPT-5 is now available to ChatGPT free and paid users, OpenAI said."));
    app.runOnce();
    clock.advance(Duration.ofMinutes(5));
    rss.publish("/tc.xml", rss.item("t-gpt5", "OpenAI's GPT-5 launches for all ChatGPT users", "https://techcrunch.com/gpt-5",
        "OpenAI on Thursday released GPT-5, its new flagship model, to ChatGPT users."));
    rss.publish("/hw.xml", rss.item("h-gpu", "Nvidia unveils Blackwell GPU for data centers", "https://hw.example/blackwell",
        "Nvidia's new Blackwell GPU targets data centers and model training."));
    app.runOnce();
  }

  @AfterEach
  void tearDown() {
    app.close();
    server.close();
  }

  @Test
  void latestShowsOneEntryPerStoryWithItsOtherSources() {
    List<Card> cards = cards(run("latest", "count", 2L));
    // TechCrunch and Hardware Weekly were polled in the same cycle: either story may come first.
    assertThat(cards).extracting(Card::title).containsExactlyInAnyOrder("Nvidia unveils Blackwell GPU for data centers",
        "OpenAI's GPT-5 launches for all ChatGPT users");
    Card story = cards.stream().filter(c -> c.title().contains("GPT-5")).findFirst().orElseThrow();
    assertThat(cards).filteredOn(c -> c != story).allSatisfy(c -> assertThat(c.alsoCoveredBy()).isEmpty());
    assertThat(story.sourceName()).as("the newest report is shown").isEqualTo("TechCrunch");
    assertThat(story.alsoCoveredBy()).as("the others, first reported first").containsExactly(
        new SourceLink("OpenAI News", "https://openai.com/gpt-5"), new SourceLink("The Verge", "https://theverge.com/gpt-5"));
    // count is stories, not items: the next two are the old ones, after the two stories above.
    assertThat(cards(run("latest", "count", 4L))).hasSize(4).extracting(Card::title)
        .contains("Nvidia unveils Blackwell GPU for data centers", "OpenAI's GPT-5 launches for all ChatGPT users")
        .doesNotContain("GPT-5 is here: OpenAI's new flagship model rolls out in ChatGPT", "OpenAI launches GPT-5");
  }

  @Test
  void latestOnATopicCollapsesTheStoryToo() {
    List<Card> cards = cards(run("latest", "topic", "llms"));
    assertThat(cards).filteredOn(c -> c.title().contains("GPT-5")).hasSize(1)
        .allSatisfy(c -> assertThat(c.alsoCoveredBy()).hasSize(2));
  }

  @Test
  void searchShowsTheStoryOnceUnderItsBestHitWithTheOtherSources() {
    List<Card> cards = cards(run("search", "query", "GPT-5 OR Blackwell"));
    assertThat(cards).hasSize(2);
    Card story = cards.stream().filter(c -> c.title().contains("GPT-5")).findFirst().orElseThrow();
    List<String> all = new ArrayList<>(story.alsoCoveredBy().stream().map(SourceLink::name).toList());
    all.add(story.sourceName());
    assertThat(all).containsExactlyInAnyOrder("OpenAI News", "The Verge", "TechCrunch");
    assertThat(story.alsoCoveredBy()).hasSize(2);

    List<Card> onlyStory = cards(run("search", "query", "ChatGPT"));
    assertThat(onlyStory).hasSize(1);
    assertThat(onlyStory.get(0).alsoCoveredBy()).hasSize(2);
  }

  private Reply run(String path, Object... kv) {
    Map<String, Object> opts = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) opts.put((String) kv[i], kv[i + 1]);
    return app.commands().dispatch("news", path, new Invocation(CH, "member1", "member1", false, opts, null));
  }

  private static List<Card> cards(Reply r) {
    assertThat(r).isInstanceOf(Reply.Cards.class);
    return ((Reply.Cards) r).cards();
  }

  /** Adds items on top of what the feed already lists (newest first). */
}
