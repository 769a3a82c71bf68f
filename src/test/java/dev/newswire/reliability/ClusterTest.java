package dev.newswire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newswire.config.StorageConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.store.jdbc.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two bots (child JVMs) with cluster.enabled on one PostgreSQL and N feeds polled every 10 s: each feed is polled
 * by one instance per interval (clustered Quartz), each new story is delivered once (outbox claims); when one
 * instance is killed the other keeps polling every feed.
 */
class ClusterTest {
  static final int FEEDS = 60;
  static final int INTERVAL_SECONDS = 10;

  static String rss(int feed, int items) {
    StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>F").append(feed).append("</title>");
    for (int i = 0; i < items; i++) {
      b.append("<item><guid>").append(i).append("</guid><title>Story zq").append(feed).append('x').append(i)
          .append("qz</title><link>https://n.example/").append(feed).append('/').append(i).append("</link></item>");
    }
    return b.append("</channel></rss>").toString();
  }

  @Test
  void twoInstancesShareFeedsAndDeliveriesAndOneTakesOverWhenTheOtherDies() throws Exception {
    String why = TestDatabases.postgresUnavailableReason();
    assumeTrue(why == null, why);
    StorageConfig storage = TestDatabases.postgresFreshSchema();
    try (FakeFeedServer server = FakeFeedServer.start(); FakeSlack slack = new FakeSlack()) {
      List<String> urls = new ArrayList<>();
      for (int f = 0; f < FEEDS; f++) {
        server.feed("/f" + f + ".xml", rss(f, 1));
        urls.add(server.url("/f" + f + ".xml").toString());
      }
      Path feedsFile = Files.createTempFile("cluster-feeds", ".txt");
      Files.write(feedsFile, urls);
      String[] args = {storage.url(), storage.user(), slack.methodsUrlPrefix(), "10000", "true", feedsFile.toString(),
          String.valueOf(INTERVAL_SECONDS)};
      Path logA = BotProcess.logFile("cluster-a");
      Path logB = BotProcess.logFile("cluster-b");
      Process a = BotProcess.launch(logA, args);
      Process b = BotProcess.launch(logB, args);
      try {
        // Every feed gets its baseline poll.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && !allPolled(server, 1)) Thread.sleep(200);
        assertThat(allPolled(server, 1)).as("every feed polled once").isTrue();
        // Then one new story per feed, and a window of three intervals.
        for (int f = 0; f < FEEDS; f++) server.feed("/f" + f + ".xml", rss(f, 2));
        int[] before = counts(server);
        long windowStart = System.nanoTime();
        Thread.sleep(3 * INTERVAL_SECONDS * 1000L + 2000);
        double window = (System.nanoTime() - windowStart) / 1e9;
        int[] after = counts(server);
        int max = 0;
        int total = 0;
        for (int f = 0; f < FEEDS; f++) {
          int n = after[f] - before[f];
          max = Math.max(max, n);
          total += n;
        }
        int allowed = (int) Math.floor(window / INTERVAL_SECONDS) + 1;
        String logs = Files.readString(logA) + Files.readString(logB);
        int aCards = cards(Files.readString(logA));
        int bCards = cards(Files.readString(logB));
        List<String> dupes = duplicateStories(logs);
        System.out.printf("CLUSTER TEST: %d feeds, interval %ds, window %.1fs: %d polls (at most %d per feed, %d"
                + " allowed); stories delivered: A %d + B %d = %d of %d, duplicates %d%n", FEEDS, INTERVAL_SECONDS,
            window, total, max, allowed, aCards, bCards, aCards + bCards, FEEDS, dupes.size());
        assertThat(max).as("no feed polled by both instances in one interval").isLessThanOrEqualTo(allowed);
        assertThat(dupes).isEmpty();
        assertThat(aCards + bCards).isEqualTo(FEEDS);

        // Kill A; B must keep polling every feed.
        a.destroyForcibly().waitFor();
        int[] atKill = counts(server);
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !allAbove(server, atKill, 2)) Thread.sleep(500);
        System.out.printf("CLUSTER TEST: after killing A, B polled every feed again: %s%n", allAbove(server, atKill, 2));
        assertThat(allAbove(server, atKill, 2)).as("B polls every feed after A died").isTrue();
      } finally {
        a.destroyForcibly().waitFor();
        b.destroyForcibly().waitFor();
      }
    }
  }

  static int[] counts(FakeFeedServer server) {
    int[] c = new int[FEEDS];
    for (int f = 0; f < FEEDS; f++) c[f] = server.requestCount("/f" + f + ".xml");
    return c;
  }

  static boolean allPolled(FakeFeedServer server, int times) {
    for (int n : counts(server)) if (n < times) return false;
    return true;
  }

  static boolean allAbove(FakeFeedServer server, int[] base, int more) {
    int[] now = counts(server);
    for (int f = 0; f < FEEDS; f++) if (now[f] - base[f] < more) return false;
    return true;
  }

  static final Pattern CARD = Pattern.compile("zq(\\d+)x1qz");

  /** Console cards: the JSON line carries the title; count distinct stories per line. */
  static int cards(String log) {
    return (int) log.lines().filter(l -> CARD.matcher(l).find() && !l.contains(" INFO ") && !l.contains(" WARN "))
        .count();
  }

  static List<String> duplicateStories(String logs) {
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    logs.lines().filter(l -> !l.contains(" INFO ") && !l.contains(" WARN ")).forEach(l -> {
      Matcher m = CARD.matcher(l);
      if (m.find()) seen.merge(m.group(1), 1, Integer::sum);
    });
    return seen.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey).toList();
  }
}
