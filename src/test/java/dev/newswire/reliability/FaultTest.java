package dev.newswire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.SlackSettings;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.delivery.ProblemReporter;
import dev.newswire.fakes.FakeSlack;
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
import dev.newswire.store.PollCommit;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faults without crashes, at a high rate: the real Dispatcher and SlackPlatform (production pacing, 1 message a
 * second per channel) on H2 against a FakeSlack that answers one post in five with a fault of every kind: 429 with
 * Retry-After 2, 500, an answer held past the client's timeout, a connection closed without an answer (the last
 * three half the time after the message was posted). Every delivery must arrive exactly once, and no post may reach
 * a channel before its last 429's Retry-After has passed.
 */
class FaultTest {
  static final int STORIES = 20;
  static final int CHANNELS = 10;
  static final int CLIENT_TIMEOUT_MS = 1000;

  @Test
  void everyDeliveryArrivesExactlyOnceAndRetryAfterIsRespected() throws Exception {
    long started = System.nanoTime();
    List<ChannelRef> channels = new ArrayList<>();
    for (int c = 0; c < CHANNELS; c++) channels.add(new ChannelRef("slack", "T1", "C" + c));
    try (FakeSlack fake = new FakeSlack().randomFaults(0.2).retryAfter(2)
        .holdTimeouts(Duration.ofMillis(CLIENT_TIMEOUT_MS + 1000));
         Database db = Database.open(TestDatabases.h2(), null)) {
      Slack slack = SlackClients.create(new SlackSettings(fake.methodsUrlPrefix(), 0, false), CLIENT_TIMEOUT_MS);
      Map<String, ChatPlatform> platforms = Map.of("slack", new SlackPlatform(slack, FakeSlack.BOT_TOKEN));
      JdbcDeliveryStore deliveries = new JdbcDeliveryStore(db);
      SeededOutbox.seed(db, channels, STORIES);
      Dispatcher dispatcher = new Dispatcher(deliveries, platforms, new Enricher(new Taxonomy(List.of())),
          Clock.systemUTC(), PipelineMetrics.NOOP, "fault-test", Duration.ofMinutes(2), ProblemReporter.NONE);
      try {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (deliveries.countByStatus("PENDING") > 0 && System.nanoTime() < deadline) {
          dispatcher.dispatchDue();
          Thread.sleep(200);
        }
      } finally {
        dispatcher.close();
        slack.close();
      }
      Map<Long, Integer> perDelivery = new HashMap<>();
      for (String ch : fake.channelsWithHistory()) {
        for (ObjectNode m : fake.history(ch)) {
          perDelivery.merge(m.path("metadata").path("event_payload").path("delivery_id").asLong(-1), 1, Integer::sum);
        }
      }
      int total = STORIES * CHANNELS;
      long duplicates = perDelivery.values().stream().mapToInt(n -> n - 1).sum();
      long lost = total - perDelivery.size();
      System.out.printf("FAULT TEST: %d deliveries, %d posts; faults injected %s; delivered %d, duplicates %d, lost"
              + " %d, failed for good %d; Slack history lookups %d; posts after a 429 %d, before its Retry-After %d;"
              + " posted out of story order %d; %.0f s%n", total, fake.calls("chat.postMessage").size(), fake.faultsInjected(), perDelivery.size(),
          duplicates, lost, deliveries.countByStatus("FAILED"), fake.calls("conversations.history").size(),
          fake.retriesAfterRateLimit(), fake.retryAfterViolations().size(), SeededOutbox.outOfOrder(fake),
          (System.nanoTime() - started) / 1e9);
      assertThat(duplicates).isZero();
      assertThat(lost).isZero();
      assertThat(deliveries.countByStatus("SENT")).isEqualTo(total);
      assertThat(fake.faultsInjected().values()).allMatch(n -> n > 0);
      assertThat(fake.retriesAfterRateLimit()).isPositive();
      assertThat(fake.retryAfterViolations()).as("posts before the Retry-After had passed").isEmpty();
      assertThat(SeededOutbox.outOfOrder(fake)).as("each channel receives its stories in order, retries included").isZero();
    }
  }
}
