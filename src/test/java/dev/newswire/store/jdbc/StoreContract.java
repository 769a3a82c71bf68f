package dev.newswire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.FeedConfig;
import dev.newswire.config.StorageConfig;
import dev.newswire.delivery.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.DedupeResult;
import dev.newswire.pipeline.Deduper;
import dev.newswire.pipeline.IdentifiedItem;
import dev.newswire.pipeline.KnownItems;
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
}
