package dev.newswire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.SlackSettings;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.delivery.Story;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.fakes.FakeSlack.Answer;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.platform.slack.SlackClients;
import dev.newswire.platform.slack.SlackPlatform;
import dev.newswire.store.PendingDelivery;
import dev.newswire.store.PollCommit;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox dispatcher with claims, in-doubt checks and channel problems: H2 + the real SlackPlatform + FakeSlack. */
class DispatcherReliabilityTest {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(2);

  FakeSlack fake;
  Slack slack;
  SlackPlatform platform;
  Database db;
  JdbcDeliveryStore deliveries;
  final AtomicReference<Instant> now = new AtomicReference<>(T0);
  final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };
  final List<String> reported = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeSlack();
    slack = SlackClients.create(new SlackSettings(fake.methodsUrlPrefix(), 0, false));
    platform = new SlackPlatform(slack, FakeSlack.BOT_TOKEN);
    db = Database.open(TestDatabases.h2(), null);
    deliveries = new JdbcDeliveryStore(db);
  }

  @AfterEach
  void stop() throws Exception {
    db.close();
    slack.close();
    fake.close();
  }

  Dispatcher dispatcher(String name) {
    Map<String, ChatPlatform> platforms = Map.of("slack", platform);
    return new Dispatcher(deliveries, platforms, new Enricher(new Taxonomy(List.of())), clock, PipelineMetrics.NOOP,
        name, LEASE, (ch, why) -> reported.add(ch + " " + why));
  }

  void seed(int stories, List<ChannelRef> channels) {
    JdbcFeedStore feeds = new JdbcFeedStore(db, clock);
    JdbcItemStore items = new JdbcItemStore(db);
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true)));
    long id = feeds.all().get(0).id();
    Deduper deduper = new Deduper();
    List<NewsItem> news = new ArrayList<>();
    for (int i = 0; i < stories; i++) {
      news.add(new NewsItem("g" + i, "Story " + i, "https://a.example/" + i, "Summary " + i, "", null, T0, null,
          List.of(), null, List.of()));
    }
    DedupeResult r = deduper.split(deduper.identify(news), KnownItems.none(), true);
    Map<String, List<ChannelRef>> routes = new HashMap<>();
    r.news().forEach(it -> routes.put(it.keyHash(), channels));
    items.commitPoll(new PollCommit(id, FeedValidators.none(), null, T0, r, routes));
  }

  long postsCarrying(long deliveryId) {
    return fake.calls("chat.postMessage").stream()
        .filter(c -> c.params().get("metadata") != null)
        .filter(c -> c.json("metadata").path("event_payload").path("delivery_id").asLong() == deliveryId)
        .count();
  }

  @Test
  void aSendInterruptedByACrashIsFoundInSlackHistoryAndNotRepeated() {
    seed(2, List.of(new ChannelRef("slack", "T1", "C1")));
    // A process claims both, posts the first, and dies before recording anything.
    List<PendingDelivery> claimed = deliveries.claim(T0, 10, "dead-process", LEASE);
    assertThat(claimed).hasSize(2);
    PendingDelivery posted = claimed.get(0);
    platform.deliver(new Story(posted.id(), "u", "A", posted.story().item(),
        new Enricher(new Taxonomy(List.of())).enrich(posted.story().item(), "A", null)), posted.channel());

    Dispatcher survivor = dispatcher("survivor");
    assertThat(survivor.dispatchDue()).as("the claims still hold").isZero();
    now.set(T0.plus(LEASE).plusSeconds(1));
    assertThat(survivor.dispatchDue()).isEqualTo(2);

    assertThat(postsCarrying(claimed.get(0).id())).isEqualTo(1);
    assertThat(postsCarrying(claimed.get(1).id())).isEqualTo(1);
    assertThat(fake.calls("conversations.history")).hasSize(2);
    assertThat(fake.calls("conversations.history").get(0).params()).containsEntry("include_all_metadata", "1");
    assertThat(deliveries.countByStatus("SENT")).isEqualTo(2);
  }

  @Test
  void whenHistoryCannotBeReadTheDeliveryWaitsInsteadOfRiskingADuplicate() {
    seed(1, List.of(new ChannelRef("slack", "T1", "C1")));
    deliveries.claim(T0, 10, "dead-process", LEASE);
    now.set(T0.plus(LEASE).plusSeconds(1));
    fake.enqueue("conversations.history", Answer.status(500));
    assertThat(dispatcher("survivor").dispatchDue()).isZero();
    assertThat(fake.calls("chat.postMessage")).isEmpty();
    now.set(now.get().plus(Duration.ofMinutes(5)));
    assertThat(dispatcher("survivor").dispatchDue()).isEqualTo(1);
  }

  @Test
  void aPermanentFailurePausesTheChannelAndIsReportedOnce() {
    seed(3, List.of(new ChannelRef("slack", "T1", "CGONE"), new ChannelRef("slack", "T1", "C1")));
    // Channels are sent to in parallel, so the failure is tied to the channel, not to the first call.
    fake.channelNotJoinable("CGONE");
    assertThat(dispatcher("d").dispatchDue()).isEqualTo(3);
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0)).contains("CGONE").contains("could not join");
    assertThat(deliveries.countByStatus("FAILED")).isEqualTo(3);
    // one attempt at the broken channel, none after
    long toGone = fake.calls("chat.postMessage").stream().filter(c -> "CGONE".equals(c.params().get("channel"))).count();
    assertThat(toGone).isEqualTo(1);
    assertThat(deliveries.channelProblems()).containsKey(new ChannelRef("slack", "T1", "CGONE"));
  }
}
