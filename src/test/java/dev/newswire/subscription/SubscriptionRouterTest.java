package dev.newswire.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.config.SubscriptionConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedHealth;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcSubscriptionStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionRouterTest {
  static final ChannelRef LLM = new ChannelRef("discord", "500", "600");
  static final ChannelRef ALL = new ChannelRef("discord", "500", "601");
  static final ChannelRef FEED = new ChannelRef("slack", "T1", "C1");
  static final Feed F = new Feed(1, "https://example.com/feed.xml", "Ex", "config", true, null, null,
      new FeedValidators(null, null, null), true, FeedHealth.fresh());
  static final Feed OTHER = new Feed(2, "https://other.example/rss", "Other", "config", true, null, null,
      new FeedValidators(null, null, null), true, FeedHealth.fresh());

  Database db;
  JdbcSubscriptionStore store;
  SubscriptionRouter router;

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.h2(), null);
    store = new JdbcSubscriptionStore(db, Clock.systemUTC());
    router = new SubscriptionRouter(store);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static NewsItem item(String title, String summary, String... topics) {
    return new NewsItem(null, title, "https://example.com/" + title.hashCode(), summary, "", null, null, null, List.of(),
        null, List.of(topics));
  }

  @Test
  void matchesTopicFeedAndAll() {
    SubscriptionBootstrap.apply(List.of(
        new SubscriptionConfig("discord", "500", "600", List.of("llms", "chips"), null, null, "instant", null, null, null, null),
        new SubscriptionConfig("slack", "T1", "C1", null, List.of("https://example.com/feed.xml"), null, null, null, null, null, null),
        new SubscriptionConfig("discord", "500", "601", null, null, true, null, null, null, null, null),
        new SubscriptionConfig("discord", "500", "602", List.of("llms"), null, null, "daily", "09:00", "UTC", null, null)),
        store);
    assertThat(router.channelsFor(F, item("New model", "", "llms"))).containsExactly(LLM, FEED, ALL);
    assertThat(router.channelsFor(OTHER, item("New GPU", "", "chips"))).containsExactly(LLM, ALL);
    assertThat(router.channelsFor(OTHER, item("Policy", "", "policy"))).containsExactly(ALL);
  }

  @Test
  void excludeWinsAndIncludeNeedsOneMatch() {
    store.upsert(Subscription.of(ALL, "all", null, "instant", null, null));
    store.addFilter(ALL, "include", FilterPattern.parse("GPU"), "any");
    store.addFilter(ALL, "include", FilterPattern.parse("\"open weights\""), "any");
    store.addFilter(ALL, "exclude", FilterPattern.parse("crypto"), "any");
    store.addFilter(ALL, "exclude", FilterPattern.parse("/^sponsored/"), "title");
    assertThat(router.channelsFor(F, item("Nvidia unveils a gpu", ""))).containsExactly(ALL);
    assertThat(router.channelsFor(F, item("Lab ships", "Model with Open\nWeights today"))).containsExactly(ALL);
    assertThat(router.channelsFor(F, item("GPUs for crypto mining", ""))).isEmpty();
    assertThat(router.channelsFor(F, item("Sponsored: the best GPU", ""))).isEmpty();
    assertThat(router.channelsFor(F, item("GPUs everywhere", ""))).as("keyword is a whole word").isEmpty();
    assertThat(router.channelsFor(F, item("Nothing relevant", ""))).isEmpty();
  }

  @Test
  void pausedAndDigestSubscriptionsAreNotInstant() {
    store.upsert(Subscription.of(LLM, "topic", "llms", "weekly", "09:00", null));
    assertThat(router.channelsFor(F, item("x", "", "llms"))).isEmpty();
  }

  @Test
  void catastrophicLookingRegexFinishes() {
    store.upsert(Subscription.of(ALL, "all", null, "instant", null, null));
    store.addFilter(ALL, "exclude", FilterPattern.parse("/(a+)+$/"), "any");
    store.addFilter(ALL, "include", FilterPattern.parse("/(x+x+)+y/"), "any");
    String evil = "a".repeat(50_000) + "!";
    String evil2 = "x".repeat(50_000);
    List<ChannelRef> out = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> router.channelsFor(F, item("t", evil + " " + evil2)));
    assertThat(out).isEmpty();
  }

  @Test
  void patternsAreValidated() {
    assertThat(FilterPattern.problem("/(a/")).contains("not a valid regex");
    assertThat(FilterPattern.problem("/" + "a".repeat(201) + "/")).contains("longer than 200");
    assertThat(FilterPattern.problem("two words")).contains("put a phrase in quotes");
    assertThat(FilterPattern.problem("/(?<=x)y/")).contains("not a valid regex");
    assertThat(FilterPattern.parse("\"open   weights\"").pattern()).isEqualTo("open weights");
    assertThat(FilterPattern.parse("C++").kind()).isEqualTo(FilterPattern.Kind.KEYWORD);
    ChannelFilter cpp = new ChannelFilter(1, ALL, "include", FilterPattern.parse("C++"), "any");
    assertThat(new ChannelFilters().matches(cpp, item("Why c++ still wins", ""))).isTrue();
    assertThat(new ChannelFilters().matches(cpp, item("Why C is fine", ""))).isFalse();
  }

  @Test
  void combineDeduplicates() {
    store.upsert(Subscription.of(ChannelRef.CONSOLE, "all", null, "instant", null, null));
    var combined = SubscriptionRouter.combine(dev.newswire.pipeline.Router.everyStoryTo(List.of(ChannelRef.CONSOLE)), router);
    assertThat(combined.channelsFor(F, item("x", ""))).containsExactly(ChannelRef.CONSOLE);
  }
}
