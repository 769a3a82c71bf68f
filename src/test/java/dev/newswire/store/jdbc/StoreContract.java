package dev.newswire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.FeedConfig;
import dev.newswire.config.StorageConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.identity.IdentifiedItem;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.store.PendingDelivery;
import dev.newswire.store.PollCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same store behaviour on every database we support. */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  Database db;
  JdbcFeedStore feeds;
  JdbcItemStore items;
  JdbcDeliveryStore deliveries;

  abstract StorageConfig storage();

  @BeforeEach
  void open() {
    db = Database.open(storage(), System.getenv("NEWSWIRE_DB_PASSWORD"));
    feeds = new JdbcFeedStore(db, Clock.fixed(T0, ZoneOffset.UTC));
    items = new JdbcItemStore(db);
    deliveries = new JdbcDeliveryStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static NewsItem item(String guid, String title, String link, Instant published) {
    return new NewsItem(guid, title, link, "Summary of " + title, "", "Ann", published, null,
        List.of("AI", "Chips"), null, List.of());
  }

  @Test
  void configSyncAddsUpdatesAndDisables() {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true),
        new FeedConfig("https://b.example/feed", "B", Duration.ofHours(1), true)));
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A renamed", null, true)));
    List<Feed> all = feeds.all();
    assertThat(all).extracting(Feed::name).containsExactly("A renamed", "B");
    assertThat(all.get(1).enabled()).isFalse();
    assertThat(all.get(1).interval()).isEqualTo(Duration.ofHours(1));
    assertThat(all.get(0).baselineDone()).isFalse();
  }

  @Test
  void pollCommitStoresItemsDeliveriesAndStateAtomically() {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true)));
    Feed feed = feeds.all().get(0);
    Deduper deduper = new Deduper();
    List<IdentifiedItem> first = deduper.identify(List.of(item("g1", "One", "https://a.example/1", T0)));
    DedupeResult baseline = deduper.split(first, items.known(feed.id(), first), false);
    items.commitPoll(new PollCommit(feed.id(), new FeedValidators("\"e1\"", "lm", "h1"), "Feed A", T0, baseline, Map.of()));

    Feed after = feeds.find(feed.id()).orElseThrow();
    assertThat(after.baselineDone()).isTrue();
    assertThat(after.validators()).isEqualTo(new FeedValidators("\"e1\"", "lm", "h1"));
    assertThat(after.title()).isEqualTo("Feed A");

    List<IdentifiedItem> second = deduper.identify(List.of(
        item("g2", "Two ünïcödé 🚀", "https://a.example/2", T0.plusSeconds(60)),
        item("g1", "One", "https://a.example/1", T0)));
    KnownItems known = items.known(feed.id(), second);
    assertThat(known.keyHashes()).hasSize(1);
    DedupeResult next = deduper.split(second, known, true);
    assertThat(next.news()).hasSize(1);
    ChannelRef console = ChannelRef.CONSOLE;
    items.commitPoll(new PollCommit(feed.id(), FeedValidators.none(), null, T0.plusSeconds(120), next,
        Map.of(next.news().get(0).keyHash(), List.of(console, new ChannelRef("discord", "1", "2")))));

    List<PendingDelivery> due = deliveries.due(T0.plusSeconds(120), 10);
    assertThat(due).hasSize(2);
    assertThat(due.get(0).story().item().title()).isEqualTo("Two ünïcödé 🚀");
    assertThat(due.get(0).story().item().categories()).containsExactly("AI", "Chips");
    assertThat(due.get(0).story().feedUrl()).isEqualTo("https://a.example/feed");
    assertThat(due.get(0).story().item().published()).isEqualTo(T0.plusSeconds(60));

    deliveries.markSent(due.get(0).id(), "m1", T0.plusSeconds(130));
    deliveries.scheduleRetry(due.get(1).id(), "429", T0.plusSeconds(300));
    assertThat(deliveries.due(T0.plusSeconds(200), 10)).isEmpty();
    assertThat(deliveries.due(T0.plusSeconds(300), 10)).hasSize(1);
    deliveries.markFailed(due.get(1).id(), "channel gone");
    assertThat(deliveries.countByStatus("SENT")).isEqualTo(1);
    assertThat(deliveries.countByStatus("FAILED")).isEqualTo(1);
    assertThat(items.count()).isEqualTo(2);
  }

  @Test
  void failuresCountUpAndSuccessClearsThem() {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true)));
    long id = feeds.all().get(0).id();
    feeds.recordFailure(id, "HTTP 500", T0, T0.plusSeconds(900), null);
    feeds.recordFailure(id, "HTTP 500", T0, T0.plusSeconds(1800), "Paused after 2 failures");
    Feed failing = feeds.find(id).orElseThrow();
    assertThat(failing.health().consecutiveFailures()).isEqualTo(2);
    assertThat(failing.paused()).isTrue();
    assertThat(failing.health().nextAttemptAt()).isEqualTo(T0.plusSeconds(1800));
    feeds.recordUnchanged(id, new FeedValidators("e", null, null), T0.plusSeconds(2000));
    Feed ok = feeds.find(id).orElseThrow();
    assertThat(ok.health().consecutiveFailures()).isZero();
    assertThat(ok.paused()).isFalse();
    assertThat(ok.health().lastSuccessAt()).isEqualTo(T0.plusSeconds(2000));
  }

  @Test
  void retentionForgetsOldItemsButNotPendingOnes() {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true)));
    long id = feeds.all().get(0).id();
    Deduper deduper = new Deduper();
    List<IdentifiedItem> old = deduper.identify(List.of(item("old", "Old", "https://a.example/old", null)));
    items.commitPoll(new PollCommit(id, FeedValidators.none(), null, T0, deduper.split(old, KnownItems.none(), false), Map.of()));
    List<IdentifiedItem> pending = deduper.identify(List.of(item("p", "Pending", "https://a.example/p", null)));
    DedupeResult r = deduper.split(pending, KnownItems.none(), true);
    items.commitPoll(new PollCommit(id, FeedValidators.none(), null, T0, r, Map.of(r.news().get(0).keyHash(), List.of(ChannelRef.CONSOLE))));
    assertThat(items.forgetNotSeenSince(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(items.count()).isEqualTo(1);
  }

  /** One feed with {@code stories} new stories, each routed to every channel. */
  void seed(int stories, List<ChannelRef> channels) {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true)));
    long id = feeds.all().get(0).id();
    Deduper deduper = new Deduper();
    List<NewsItem> news = new java.util.ArrayList<>();
    for (int i = 0; i < stories; i++) news.add(item("g" + i, "Story " + i, "https://a.example/" + i, T0));
    List<IdentifiedItem> identified = deduper.identify(news);
    DedupeResult r = deduper.split(identified, KnownItems.none(), true);
    Map<String, List<ChannelRef>> routes = new java.util.HashMap<>();
    r.news().forEach(it -> routes.put(it.keyHash(), channels));
    items.commitPoll(new PollCommit(id, FeedValidators.none(), null, T0, r, routes));
  }

  @Test
  void claimsAreExclusiveUntilTheLeaseExpiresThenInDoubt() {
    seed(3, List.of(new ChannelRef("slack", "T1", "C1"), new ChannelRef("slack", "T1", "C2")));
    Duration lease = Duration.ofMinutes(2);
    List<PendingDelivery> a = deliveries.claim(T0, 4, "a", lease);
    assertThat(a).hasSize(4).allMatch(d -> !d.inDoubt());
    assertThat(a.get(0).createdAt()).isEqualTo(T0);
    // a holds earlier stories of both channels: b must not post the later ones before them (story order)
    assertThat(deliveries.claim(T0.plusSeconds(1), 10, "b", lease)).isEmpty();
    List<Long> rest = new java.util.ArrayList<>(deliveries.claim(T0.plusSeconds(1), 10, "a", lease).stream()
        .map(PendingDelivery::id).toList());
    assertThat(rest).as("a itself goes on with its channels").hasSize(2)
        .doesNotContainAnyElementsOf(a.stream().map(PendingDelivery::id).toList());
    deliveries.release(rest);
    // a sends one, gives one back untried, then "dies" holding two
    deliveries.markSent(a.get(0).id(), "m", T0);
    deliveries.release(List.of(a.get(1).id()));
    List<PendingDelivery> c = deliveries.claim(T0.plusSeconds(2), 10, "c", lease);
    assertThat(c).extracting(PendingDelivery::id).containsExactly(a.get(1).id());
    assertThat(deliveries.claim(T0.plusSeconds(60), 10, "c", lease)).isEmpty();
    List<PendingDelivery> takenOver = deliveries.claim(T0.plus(lease).plusSeconds(5), 10, "c", lease);
    // every claim left open has expired by now (a and c "died"): theirs come back in doubt, in story order
    assertThat(takenOver).extracting(PendingDelivery::id).containsExactlyInAnyOrder(
        a.get(1).id(), a.get(2).id(), a.get(3).id(), rest.get(0), rest.get(1));
    assertThat(takenOver).filteredOn(d -> !rest.contains(d.id())).allMatch(PendingDelivery::inDoubt);
    assertThat(takenOver).filteredOn(d -> rest.contains(d.id())).noneMatch(PendingDelivery::inDoubt);
    deliveries.markSent(a.get(2).id(), "m2", T0);
    deliveries.scheduleRetry(a.get(3).id(), "429", T0.plus(lease).plusSeconds(10));
    assertThat(deliveries.countByStatus("SENT")).isEqualTo(2);
  }

  @Test
  void configuredFeedsAreSyncedAtEachStart() {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true),
        new FeedConfig("https://b.example/feed", "B", null, true)));
    Feed chat = feeds.addFromChat("https://c.example/feed", "C from chat");
    // next start: A renamed with its own interval, B dropped from the file
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A renamed", Duration.ofHours(1), true)));
    Feed a = feeds.findByUrl("https://a.example/feed").orElseThrow();
    assertThat(a.name()).isEqualTo("A renamed");
    assertThat(a.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(feeds.findByUrl("https://b.example/feed").orElseThrow().enabled()).as("dropped from the file").isFalse();
    assertThat(feeds.findByUrl(chat.url()).orElseThrow().enabled()).as("added in chat, not the file's").isTrue();
    // and back: B returns, A's id (and so its history) is kept
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A renamed", Duration.ofHours(1), true),
        new FeedConfig("https://b.example/feed", "B", null, true)));
    assertThat(feeds.findByUrl("https://b.example/feed").orElseThrow().enabled()).isTrue();
    assertThat(feeds.findByUrl("https://a.example/feed").orElseThrow().id()).isEqualTo(a.id());
    assertThat(feeds.all()).hasSize(3);
  }

  @Test
  void aStoryWaitingOutAShortRetryHoldsBackItsChannelsLaterStories() {
    ChannelRef c1 = new ChannelRef("slack", "T1", "C1");
    ChannelRef c2 = new ChannelRef("slack", "T1", "C2");
    seed(3, List.of(c1, c2));
    Duration lease = Duration.ofMinutes(2);
    List<PendingDelivery> all = deliveries.claim(T0, 10, "a", lease);
    assertThat(all).hasSize(6);
    List<Long> inC1 = all.stream().filter(d -> d.channel().equals(c1)).map(PendingDelivery::id).toList();
    List<Long> inC2 = all.stream().filter(d -> d.channel().equals(c2)).map(PendingDelivery::id).toList();
    // C1's first story is told to come back in 30 s (a 429); the rest are given back untried
    deliveries.scheduleRetry(inC1.get(0), "429", T0.plusSeconds(30));
    deliveries.release(all.stream().map(PendingDelivery::id).filter(id -> !id.equals(inC1.get(0))).toList());

    List<PendingDelivery> meanwhile = deliveries.claim(T0.plusSeconds(1), 10, "a", lease);
    assertThat(meanwhile).as("C1's later stories wait for its first; C2 goes on")
        .extracting(PendingDelivery::id).containsExactlyElementsOf(inC2);
    deliveries.release(inC2);

    List<PendingDelivery> later = deliveries.claim(T0.plusSeconds(31), 10, "a", lease);
    assertThat(later).extracting(PendingDelivery::id).containsExactlyInAnyOrderElementsOf(all.stream()
        .map(PendingDelivery::id).toList());
    deliveries.release(later.stream().map(PendingDelivery::id).toList());

    // A long backoff (a channel failing for a while) does not stop the channel's later stories.
    deliveries.scheduleRetry(inC1.get(0), "500", T0.plusSeconds(31).plus(Duration.ofHours(1)));
    assertThat(deliveries.claim(T0.plusSeconds(32), 10, "a", lease)).extracting(PendingDelivery::id)
        .contains(inC1.get(1), inC1.get(2)).doesNotContain(inC1.get(0));
  }

  @Test
  void concurrentClaimantsNeverShareADelivery() throws Exception {
    seed(50, List.of(new ChannelRef("slack", "T1", "C1"), new ChannelRef("slack", "T1", "C2")));
    java.util.Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger dupes = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String who = "w" + t;
      fs.add(pool.submit(() -> {
        // Like dispatchers: claim, send (mark sent), repeat. A claimant may find nothing for a moment while the
        // others hold the earlier stories of both channels (story order), so it keeps going until all are sent.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.size() < 100 && System.nanoTime() < deadline) {
          List<PendingDelivery> got = deliveries.claim(T0, 7, who, Duration.ofMinutes(5));
          for (PendingDelivery d : got) {
            if (!seen.add(d.id())) dupes.incrementAndGet();
            deliveries.markSent(d.id(), "m" + d.id(), T0);
          }
          if (got.isEmpty()) Thread.onSpinWait();
        }
      }));
    }
    for (java.util.concurrent.Future<?> f : fs) f.get();
    pool.shutdown();
    assertThat(dupes.get()).isZero();
    assertThat(seen).hasSize(100);
  }

  @Test
  void channelProblemsAreRecordedOnceAndCanBeCleared() {
    ChannelRef ch = new ChannelRef("discord", "1", "2");
    assertThat(deliveries.recordChannelProblem(ch, "missing permission", T0)).isTrue();
    assertThat(deliveries.recordChannelProblem(ch, "missing permission again", T0)).isFalse();
    deliveries.markProblemReported(ch);
    assertThat(deliveries.channelProblems()).containsEntry(ch, "missing permission").hasSize(1);
    assertThat(deliveries.clearChannelProblem(ch)).isTrue();
    assertThat(deliveries.channelProblems()).isEmpty();
    assertThat(deliveries.recordChannelProblem(ch, "gone", T0)).isTrue();
  }

  @Test
  void coverageFetchesEveryClusterMemberForAPageOfItemsAtOnce() {
    feeds.syncConfigured(List.of(new FeedConfig("https://a.example/feed", "A", null, true),
        new FeedConfig("https://b.example/feed", "B", null, true),
        new FeedConfig("https://c.example/feed", "C", null, true)));
    List<Feed> all = feeds.all();
    Deduper deduper = new Deduper();
    // The story in A, then B, then C (C twice: one outlet however often it runs the story); C also has another.
    commitClustered(deduper, all.get(0).id(), T0, "story", item("a1", "Story at A", "https://a.example/1", T0));
    commitClustered(deduper, all.get(1).id(), T0.plusSeconds(60), "story", item("b1", "Story at B", "https://b.example/1", T0));
    commitClustered(deduper, all.get(2).id(), T0.plusSeconds(120), "story", item("c1", "Story at C", "https://c.example/1", T0),
        item("c2", "Story at C again", "https://c.example/2", T0));
    commitClustered(deduper, all.get(2).id(), T0.plusSeconds(180), null, item("c3", "Unrelated", "https://c.example/3", T0));
    Map<String, Long> ids = new java.util.HashMap<>();
    items.latest(10).forEach(s -> ids.put(s.item().guid(), s.id()));

    Map<Long, dev.newswire.store.StoryCoverage> coverage = items.coverage(List.of(ids.get("b1"), ids.get("c3"), ids.get("a1")));
    assertThat(coverage).containsOnlyKeys(ids.get("b1"), ids.get("a1"));
    dev.newswire.store.StoryCoverage story = coverage.get(ids.get("b1"));
    assertThat(story.clusterId()).isEqualTo("story");
    assertThat(story.members()).extracting(dev.newswire.store.ClusterMember::itemId).first().isEqualTo(ids.get("a1"));
    assertThat(story.members()).hasSize(4);
    assertThat(story.sources()).isEqualTo(3);
    assertThat(story.others(all.get(1).id())).extracting(dev.newswire.news.SourceLink::name).containsExactly("A", "C");
    assertThat(story.others(all.get(1).id()).get(1).url()).startsWith("https://c.example/");
    assertThat(items.coverage(List.of())).isEmpty();

    // Digests see the same coverage: a story's size is its outlets, an item without a cluster is one source.
    List<dev.newswire.store.DigestCandidate> candidates = new JdbcDigestStore(db).announcedBetween(T0.minusSeconds(1), T0.plusSeconds(600), 10);
    assertThat(candidates).extracting(c -> c.story().item().guid()).startsWith("c3").hasSize(5);
    assertThat(candidates).extracting(dev.newswire.store.DigestCandidate::sources).containsExactly(1, 3, 3, 3, 3);

    Map<Long, dev.newswire.store.StoredItem> found = items.findAll(List.of(ids.get("c3"), ids.get("a1"), -1L));
    assertThat(found).containsOnlyKeys(ids.get("c3"), ids.get("a1"));
    assertThat(found.get(ids.get("a1")).feedName()).isEqualTo("A");
  }

  private void commitClustered(Deduper deduper, long feedId, Instant at, String cluster, NewsItem... news) {
    List<IdentifiedItem> identified = deduper.identify(List.of(news));
    DedupeResult r = deduper.split(identified, KnownItems.none(), true);
    Map<String, String> clusters = new java.util.HashMap<>();
    if (cluster != null) r.news().forEach(it -> clusters.put(it.keyHash(), cluster));
    items.commitPoll(new PollCommit(feedId, FeedValidators.none(), null, at, r, Map.of(), clusters));
  }
}
