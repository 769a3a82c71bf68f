package dev.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.App;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import dev.newswire.store.StoredItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: end-to-end latency through the whole App (H2 file database, FeedCycle, router, outbox, Dispatcher,
 * console platform). A loopback server serves generated RSS feeds; before each {@code app.runOnce()} every feed gets
 * new items. Per story: from its first_seen_at (the poll's timestamp, taken when the poll starts, so fetch + parse +
 * commit are included) to the moment the console platform printed it.
 */
public final class LatencyBench {

  /** What scenario 4 measured. */
  public record Result(int expected, int arrived, int feeds, int rounds, double p50Ms, double p99Ms, double maxMs,
      double meanRoundMs) {}

  static final int FEEDS = 4;
  static final int PER_ROUND = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  public Result run(int stories) throws Exception {
    int rounds = Math.max(1, (stories + FEEDS * PER_ROUND - 1) / (FEEDS * PER_ROUND));
    Path dir = Files.createTempDirectory("newswire-latency");
    AtomicInteger round = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "bench-latency-feeds");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/lat/", ex -> serve(ex, round.get()));
    server.start();
    List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    try {
      int port = server.getAddress().getPort();
      StringBuilder y = new StringBuilder();
      y.append("storage:\n  url: \"jdbc:h2:file:").append(dir.resolve("db").toAbsolutePath().toString()
          .replace('\\', '/')).append("\"\n");
      y.append("polling:\n  interval: 15m\n  threads: 4\n");
      y.append("network:\n  allowPrivateAddresses: true\n");
      // The generated headlines differ only in ids and a few words, so story clustering would rightly fold many of
      // them into one post; this scenario times every story from poll to post, so clustering is off here.
      y.append("clustering:\n  enabled: false\n");
      y.append("feeds:\n");
      for (int f = 0; f < FEEDS; f++) {
        y.append("  - { name: \"latency ").append(f).append("\", url: \"http://127.0.0.1:").append(port)
            .append("/lat/").append(f).append("\" }\n");
      }
      Path config = dir.resolve("newswire.yaml");
      Files.writeString(config, y.toString());
      NewswireConfig cfg = new ConfigLoader(Map.of()).load(config);
      PrintStream console = new PrintStream(new LineClock(arrivals), true, StandardCharsets.UTF_8);
      double totalRoundMs = 0;
      Map<String, Instant> firstSeen = new HashMap<>();
      try (App app = new App(cfg, console, true, Clock.systemUTC())) {
        app.runOnce(); // round 0: first sight of every feed, not measured
        for (int r = 1; r <= rounds; r++) {
          round.set(r);
          long t0 = System.nanoTime();
          app.runOnce();
          totalRoundMs += (System.nanoTime() - t0) / 1e6;
        }
        for (StoredItem s : app.items().latest(FEEDS * PER_ROUND * (rounds + 2))) {
          firstSeen.put(s.item().title(), s.firstSeenAt());
        }
      }
      List<Double> latencies = new ArrayList<>();
      for (Arrival a : arrivals) {
        JsonNode line;
        try {
          line = JSON.readTree(a.line());
        } catch (IOException e) {
          continue;
        }
        String title = line.path("title").asText("");
        int at = title.indexOf(" r");
        if (!title.startsWith("Latency story ") || at < 0 || title.contains(" r0 ")) continue;
        Instant seen = firstSeen.get(title);
        if (seen != null) latencies.add(Duration.between(seen, a.at()).toNanos() / 1e6);
      }
      Collections.sort(latencies);
      return new Result(rounds * FEEDS * PER_ROUND, latencies.size(), FEEDS, rounds, percentile(latencies, 50),
          percentile(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1),
          totalRoundMs / rounds);
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
      deleteQuietly(dir);
    }
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) return Double.NaN;
    int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** Feed f in round r: this round's items and the previous round's (already known). */
  private static void serve(HttpExchange ex, int round) throws IOException {
    try (ex) {
      int feed = Integer.parseInt(ex.getRequestURI().getPath().substring("/lat/".length()));
      String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
      StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>");
      x.append("<title>Latency feed ").append(feed).append("</title><link>http://example.com/lat/").append(feed)
          .append("</link><description>bench</description>");
      for (int r = round; r >= Math.max(0, round - 1); r--) {
        for (int k = PER_ROUND - 1; k >= 0; k--) {
          String id = feed + "-" + r + "-" + k;
          x.append("<item><title>Latency story ").append(id).append(" r").append(r).append(' ').append(words(feed, r, k))
              .append("</title><link>http://example.com/lat/").append(id).append("</link><guid isPermaLink=\"false\">lat-")
              .append(id).append("</guid><pubDate>").append(now).append("</pubDate><description>Story ").append(id)
              .append(" about ").append(words(k, r, feed)).append(" for the latency benchmark.</description></item>");
        }
      }
      x.append("</channel></rss>");
      byte[] body = x.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private static final String[] WORDS = {"model", "agent", "chip", "robot", "vision", "speech", "dataset", "benchmark",
      "startup", "funding", "policy", "safety", "open", "weights", "inference", "training", "cloud", "research"};

  private static String words(int a, int b, int c) {
    return WORDS[Math.floorMod(a * 7 + b * 13 + c, WORDS.length)] + " " + WORDS[Math.floorMod(a + b * 5 + c * 11,
        WORDS.length)] + " " + WORDS[Math.floorMod(a * 3 + b + c * 17 + 5, WORDS.length)];
  }

  private record Arrival(Instant at, String line) {}

  /** Timestamps every line the console platform prints. */
  private static final class LineClock extends OutputStream {
    private final List<Arrival> arrivals;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineClock(List<Arrival> arrivals) {
      this.arrivals = arrivals;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        arrivals.add(new Arrival(Instant.now(), line.toString(StandardCharsets.UTF_8)));
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) write(b[i]);
    }
  }

  static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp files
    }
  }
}
