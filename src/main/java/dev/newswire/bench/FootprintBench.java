package dev.newswire.bench;

import dev.newswire.App;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.identity.IdentifiedItem;
import dev.newswire.store.PollCommit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario 6: heap after polling with many stored items (in-process), and start-up to ready (child process running
 * the jar, or in-process when there is no jar).
 */
public final class FootprintBench {

  /** What scenario 6 measured. */
  public record Result(int feeds, long storedItems, int cycles, double heapMb, double readyMs, double readyCdsMs,
      String readyHow, double insertSeconds) {}

  public static final String READY_LINE = "Newswire ready";

  public Result run(BenchCorpus corpus, BenchSizes sizes, Path jar) throws Exception {
    Path dir = Files.createTempDirectory("newswire-bench");
    try (BenchFeedServer server = new BenchFeedServer(corpus.feeds(), sizes.footprintFeeds(), 4, false)) {
      Path config = dir.resolve("newswire.yaml");
      Files.writeString(config, yaml(server, sizes.footprintFeeds(), dir.resolve("db").toAbsolutePath()));
      NewswireConfig cfg = new ConfigLoader(Map.of()).load(config);

      long stored;
      double heapMb;
      double insertSeconds;
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
      try (App app = new App(cfg, nowhere, false, Clock.systemUTC())) {
        long t0 = System.nanoTime();
        store(app, server, corpus, sizes);
        insertSeconds = (System.nanoTime() - t0) / 1e9;
        stored = app.items().count();
        for (int c = 0; c < sizes.pollCycles(); c++) {
          app.runOnce();
        }
        heapMb = usedHeapAfterGc() / 1024.0 / 1024.0;
      }

      double readyMs;
      double readyCdsMs = Double.NaN;
      String how;
      if (sizes.childProcess() && jar != null && Files.isRegularFile(jar)) {
        readyMs = childReadyMillis(List.of(), jar, config, dir);
        Path archive = dir.resolve("newswire.jsa");
        if (trainClassArchive(jar, config, dir, archive)) {
          readyCdsMs = childReadyMillis(List.of("-XX:SharedArchiveFile=" + archive), jar, config, dir);
        }
        how = "child process `java -jar newswire.jar run` on the database above, from process start to the \""
            + READY_LINE + "\" log line (search index on disk, caught up); the second figure launches with an"
            + " AppCDS archive made by one `run --once` (`-XX:ArchiveClassesAtExit`), as the Dockerfile does";
      } else {
        long t0 = System.nanoTime();
        try (App app = new App(cfg, nowhere, false, Clock.systemUTC())) {
          app.start();
          readyMs = (System.nanoTime() - t0) / 1e6;
        }
        how = "in-process (warm JVM): App constructed + scheduler started";
      }
      return new Result(sizes.footprintFeeds(), stored, sizes.pollCycles(), heapMb, readyMs, readyCdsMs, how,
          insertSeconds);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static String yaml(BenchFeedServer server, int feeds, Path db) {
    StringBuilder y = new StringBuilder();
    y.append("storage:\n  url: \"jdbc:h2:file:").append(db.toString().replace('\\', '/')).append("\"\n");
    y.append("polling:\n  interval: 15m\n  threads: 16\n");
    y.append("network:\n  allowPrivateAddresses: true\n");
    y.append("ops:\n  port: 0\n"); // a bot already on 8080 must not make the child fail
    y.append("feeds:\n");
    for (int i = 0; i < feeds; i++) {
      y.append("  - { name: \"bench ").append(i).append("\", url: \"").append(server.feedUri(i)).append("\" }\n");
    }
    return y.toString();
  }

  /**
   * Each feed gets the items of the body it serves (so the first poll finds them known, as in steady state) and
   * generated variants of corpus items up to its share of the total.
   */
  private static void store(App app, BenchFeedServer server, BenchCorpus corpus, BenchSizes sizes) throws Exception {
    FeedParser parser = new FeedParser();
    List<List<NewsItem>> parsed = new ArrayList<>();
    List<NewsItem> pool = new ArrayList<>();
    for (BenchCorpus.Feed f : corpus.feeds()) {
      List<NewsItem> items;
      try {
        items = parser.parse(f.bytes(), ParseBench.CONTENT_TYPE, URI.create("http://127.0.0.1/")).items();
      } catch (Exception e) {
        items = List.of();
      }
      parsed.add(items);
      pool.addAll(items);
    }
    Deduper deduper = new Deduper();
    List<Feed> feeds = app.feeds().all();
    int share = Math.max(1, sizes.storedItems() / Math.max(1, feeds.size()));
    Instant now = Instant.now();
    int serial = 0;
    for (Feed feed : feeds) {
      int n = Integer.parseInt(feed.url().substring(feed.url().lastIndexOf('/') + 1));
      List<NewsItem> items = new ArrayList<>(parsed.get(corpus.feeds().indexOf(server.firstBody(n))));
      while (items.size() < share && !pool.isEmpty()) {
        NewsItem b = pool.get(serial++ % pool.size());
        String tag = "bench-" + feed.id() + "-" + items.size();
        items.add(new NewsItem(b.guid() == null ? null : b.guid() + "#" + tag, b.title() + " " + tag,
            b.link() == null ? null : b.link() + (b.link().contains("?") ? "&" : "?") + "b=" + tag, b.summary(),
            b.contentText(), b.author(), b.published(), b.updated(), b.categories(), b.image(), List.of()));
      }
      List<IdentifiedItem> identified = deduper.identify(items);
      app.items().commitPoll(new PollCommit(feed.id(), FeedValidators.none(), null, now,
          new DedupeResult(List.of(), identified, List.of()), Map.of()));
    }
  }

  static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** One `run --once` with -XX:ArchiveClassesAtExit, as a build would do; false when the JVM made no archive. */
  private static boolean trainClassArchive(Path jar, Path config, Path dir, Path archive) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-XX:ArchiveClassesAtExit=" + archive, "-jar",
        jar.toAbsolutePath().toString(), "run", "--once", "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return false;
    }
    return Files.isRegularFile(archive);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Launches the jar and times it to the ready line; NaN (with the child's last lines on stderr) if it never came. */
  private static double childReadyMillis(List<String> jvmOptions, Path jar, Path config, Path dir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "run", "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.environment().put("NEWSWIRE_LOG_LEVEL", "INFO");
    long t0 = System.nanoTime();
    Process p = pb.start();
    java.util.Deque<String> tail = new java.util.ArrayDeque<>();
    try {
      CompletableFuture<Double> ready = CompletableFuture.supplyAsync(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.contains(READY_LINE)) {
              double at = (System.nanoTime() - t0) / 1e6;
              synchronized (tail) {
                System.err.println("Start-up bench: the child's log up to ready:");
                tail.forEach(l -> System.err.println("  " + l));
                System.err.println("  " + line);
              }
              return at;
            }
            synchronized (tail) {
              tail.addLast(line);
              if (tail.size() > 20) tail.removeFirst();
            }
          }
          return Double.NaN;
        } catch (IOException e) {
          return Double.NaN;
        }
      });
      double ms;
      try {
        ms = ready.get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        ms = Double.NaN;
      }
      if (Double.isNaN(ms)) {
        synchronized (tail) {
          System.err.println("Start-up bench: the child never logged \"" + READY_LINE + "\"; its last lines:");
          tail.forEach(l -> System.err.println("  " + l));
        }
      }
      return ms;
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp files; the OS cleans up
    }
  }
}
