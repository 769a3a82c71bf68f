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
 * Two bots (child JVMs) with cluster.enabled on one PostgreSQL and 200 feeds polled every 10 s: each feed is polled
 * by one instance per interval (clustered Quartz), each new story is delivered once (outbox claims); when one
 * instance is killed the other keeps polling every feed and delivers the stories published after the kill.
 */
class ClusterTest {
  static final int FEEDS = 200;
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
      long started = System.nanoTime();
      String[] args = {storage.url(), storage.user(), slack.methodsUrlPrefix(), "10000", "true", feedsFile.toString(),
          String.valueOf(INTERVAL_SECONDS)};
      Path logA = BotProcess.logFile("cluster-a");
      Path logB = BotProcess.logFile("cluster-b");
      Process a = BotProcess.launch(logA, withName(args, "A"));
      Process b = BotProcess.launch(logB, withName(args, "B"));
      try {
        // Every feed gets its baseline poll.
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline && !allPolled(server, 1)) Thread.sleep(200);
        assertThat(allPolled(server, 1)).as("every feed polled once").isTrue();
        // Then one new story per feed, and a window of three intervals.
        for (int f = 0; f < FEEDS; f++) server.feed("/f" + f + ".xml", rss(f, 2));
        int[] before = counts(server);
        int[] perInstanceBefore = perInstance(server);
        long windowStart = System.nanoTime();
        Thread.sleep(3 * INTERVAL_SECONDS * 1000L + 2000);
        double window = (System.nanoTime() - windowStart) / 1e9;
        int[] after = counts(server);
        int[] perInstanceAfter = perInstance(server);
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
        System.out.printf("CLUSTER TEST: %d feeds, interval %ds, window %.1fs: %d polls (A %d, B %d; at most %d per"
                + " feed, %d allowed); stories delivered: A %d + B %d = %d of %d, duplicates %d%n", FEEDS,
            INTERVAL_SECONDS, window, total, perInstanceAfter[0] - perInstanceBefore[0],
            perInstanceAfter[1] - perInstanceBefore[1], max, allowed, aCards, bCards, aCards + bCards, FEEDS,
            dupes.size());
        assertThat(max).as("no feed polled by both instances in one interval").isLessThanOrEqualTo(allowed);
        assertThat(dupes).isEmpty();
        assertThat(aCards + bCards).isEqualTo(FEEDS);

        // Kill A; B must keep polling every feed, and deliver the stories that appear after the kill, once each.
        a.destroyForcibly().waitFor();
        int[] atKill = counts(server);
        int[] perInstanceAtKill = perInstance(server);
        for (int f = 0; f < FEEDS; f++) server.feed("/f" + f + ".xml", rss(f, 3));
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && !(allAbove(server, atKill, 2) && cards(Files.readString(logB), 2) >= FEEDS)) {
          Thread.sleep(500);
        }
        int[] perInstanceEnd = perInstance(server);
        int afterKillCards = cards(Files.readString(logB), 2);
        List<String> dupesAfterKill = duplicateStories(Files.readString(logA) + Files.readString(logB));
        System.out.printf("CLUSTER TEST: after killing A: B polled every feed twice more: %s (polls after the kill:"
                + " A %d, B %d); stories published after the kill delivered by B: %d of %d; duplicates %d; %.0f s%n",
            allAbove(server, atKill, 2), perInstanceEnd[0] - perInstanceAtKill[0],
            perInstanceEnd[1] - perInstanceAtKill[1], afterKillCards, FEEDS, dupesAfterKill.size(),
            (System.nanoTime() - started) / 1e9);
        assertThat(allAbove(server, atKill, 2)).as("B polls every feed after A died").isTrue();
        assertThat(perInstanceEnd[0] - perInstanceAtKill[0]).as("no polls from the dead A").isZero();
        assertThat(afterKillCards).as("B delivers the stories that appeared after A died").isEqualTo(FEEDS);
        assertThat(dupesAfterKill).isEmpty();
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

  static final Pattern CARD = Pattern.compile("zq(\\d+x\\d+)qz");

  /** Console cards of the stories with this item number: the JSON line carries the title. */
  static int cards(String log, int item) {
    return (int) log.lines().filter(l -> !l.contains(" INFO ") && !l.contains(" WARN ")).filter(l -> {
      Matcher m = CARD.matcher(l);
      return m.find() && m.group(1).endsWith("x" + item);
    }).count();
  }

  static int cards(String log) {
    return cards(log, 1);
  }

  static String[] withName(String[] args, String name) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = name;
    return out;
  }

  /** Feed requests so far from instance A and from instance B (told apart by User-Agent). */
  static int[] perInstance(FakeFeedServer server) {
    int[] n = new int[2];
    for (int f = 0; f < FEEDS; f++) {
      for (FakeFeedServer.RecordedRequest r : server.requests("/f" + f + ".xml")) {
        String ua = r.header("User-Agent");
        if (BotProcess.userAgent("A").equals(ua)) n[0]++;
        else if (BotProcess.userAgent("B").equals(ua)) n[1]++;
      }
    }
    return n;
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
