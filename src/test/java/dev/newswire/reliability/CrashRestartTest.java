package dev.newswire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.StorageConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.store.PollCommit;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Real crashes: the bot runs in a child JVM on PostgreSQL and posts to FakeSlack (in this JVM), which injects every
 * {@link FakeSlack.Fault} at random: 429s with Retry-After, 500s, answers held past the client's timeout and
 * connections closed without an answer, the last three sometimes after the message was posted. The child is SIGKILLed at random moments and
 * restarted until the outbox is empty. Then every delivery must be in Slack exactly once, found by the
 * metadata delivery_id on the messages.
 */
class CrashRestartTest {
  static final int STORIES = 500;
  static final int CHANNELS = 20;
  static final int KILLS = 10;

  @Test
  void everyDeliveryArrivesExactlyOnceAcrossKillsAndFaults() throws Exception {
    String why = TestDatabases.postgresUnavailableReason();
    assumeTrue(why == null, why);
    StorageConfig storage = TestDatabases.postgresFreshSchema();
    List<ChannelRef> channels = new ArrayList<>();
    for (int c = 0; c < CHANNELS; c++) channels.add(new ChannelRef("slack", "T1", "C" + c));
    Set<Long> ids = new HashSet<>();
    try (Database db = Database.open(storage, System.getenv("NEWSWIRE_DB_PASSWORD"))) {
      seed(db, channels);
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT id FROM delivery")) {
        while (rs.next()) ids.add(rs.getLong(1));
      }
    }
    assertThat(ids).hasSize(STORIES * CHANNELS);

    try (FakeSlack slack = new FakeSlack().randomFaults(0.01).retryAfter(1)
        .holdTimeouts(Duration.ofMillis(BotProcess.SLACK_TIMEOUT_MS + 1000))) {
      long started = System.nanoTime();
      Random random = new Random(7);
      int kills = 0;
      int killedWhileSending = 0;
      Path log = BotProcess.logFile("crash-restart");
      String[] args = {storage.url(), storage.user(), slack.methodsUrlPrefix(), "3000", "false", "-", "60"};
      long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
      while (System.nanoTime() < deadline) {
        Process bot = BotProcess.launch(log, args);
        try {
          if (kills < KILLS) {
            // Wait until this run is posting, then kill it at a random moment within the next 1.5 s.
            int atLaunch = posted(slack);
            long wait = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (posted(slack) == atLaunch && System.nanoTime() < wait) Thread.sleep(20);
            Thread.sleep(random.nextInt(1500));
            int before = posted(slack);
            Thread.sleep(30);
            if (posted(slack) > before) killedWhileSending++;
            bot.destroyForcibly().waitFor();
            kills++;
            continue;
          }
          // Last run: let it finish the outbox.
          System.out.printf("CRASH TEST: %d kills done after %.0f s, %d of %d delivered%n", kills,
              (System.nanoTime() - started) / 1e9, distinctDelivered(slack, ids), ids.size());
          while (System.nanoTime() < deadline && distinctDelivered(slack, ids) < ids.size()) Thread.sleep(500);
          Thread.sleep(2000);
        } finally {
          bot.destroyForcibly().waitFor();
        }
        break;
      }
      Map<Long, Integer> perDelivery = new HashMap<>();
      for (String ch : slack.channelsWithHistory()) {
        for (ObjectNode m : slack.history(ch)) {
          long id = m.path("metadata").path("event_payload").path("delivery_id").asLong(-1);
          perDelivery.merge(id, 1, Integer::sum);
        }
      }
      long delivered = ids.stream().filter(perDelivery::containsKey).count();
      long duplicates = perDelivery.values().stream().mapToInt(n -> n - 1).sum();
      long lost = ids.size() - delivered;
      System.out.printf("CRASH TEST: %d stories x %d channels = %d deliveries; kills %d (%d while posting);"
              + " faults injected %s; delivered %d, duplicates %d, lost %d; Slack history lookups %d;"
              + " retries after a 429 %d, of them early %d; posted out of story order %d; %.0f s%n", STORIES, CHANNELS, ids.size(), kills,
          killedWhileSending, slack.faultsInjected(), delivered, duplicates, lost,
          slack.calls("conversations.history").size(), slack.retriesAfterRateLimit(),
          slack.retryAfterViolations().size(), SeededOutbox.outOfOrder(slack), (System.nanoTime() - started) / 1e9);
      assertThat(kills).isEqualTo(KILLS);
      assertThat(duplicates).isZero();
      assertThat(lost).isZero();
      assertThat(perDelivery.keySet()).containsOnlyElementsOf(ids);
      assertThat(slack.retryAfterViolations()).as("posts before the Retry-After had passed").isEmpty();
    }
  }

  private static int posted(FakeSlack slack) {
    return slack.channelsWithHistory().stream().mapToInt(ch -> slack.history(ch).size()).sum();
  }

  private static long distinctDelivered(FakeSlack slack, Set<Long> ids) {
    Set<Long> seen = new HashSet<>();
    for (String ch : slack.channelsWithHistory()) {
      for (ObjectNode m : slack.history(ch)) seen.add(m.path("metadata").path("event_payload").path("delivery_id").asLong());
    }
    seen.retainAll(ids);
    return seen.size();
  }

  private static void seed(Database db, List<ChannelRef> channels) {
    SeededOutbox.seed(db, channels, STORIES);
    // 10,000 rows appear at once: gather statistics now, as autovacuum would within a minute, so the planner does
    // not mistake the table for an empty one.
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE delivery");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(new JdbcDeliveryStore(db).countByStatus("PENDING")).isEqualTo((long) STORIES * channels.size());
  }
}
