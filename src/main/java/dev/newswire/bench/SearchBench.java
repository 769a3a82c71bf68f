package dev.newswire.bench;

import dev.newswire.App;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.store.PollCommit;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 5: /news search latency over N stored items generated from the corpus (titles and summaries varied with
 * words drawn from the corpus), through {@code app.commands().dispatch("news", "search", ...)}: option checks, the
 * Lucene index, loading the hits from H2 and building the cards. The index is built by App start-up (catch-up).
 */
public final class SearchBench {

  /** What scenario 5 measured; latencies in ms over every measured query. */
  public record Result(int items, int queries, double p50, double p95, double p99, double max, double insertSeconds,
      double indexSeconds, Map<String, String> queryKinds, int errors, int withHits) {}

  public static final String RARE = "zyxquartzite";
  private static final Pattern WORD = Pattern.compile("[a-z]{4,}");
  private static final int FEEDS = 20;

  public Result run(BenchCorpus corpus, int items, int rounds) throws Exception {
    Path dir = Files.createTempDirectory("newswire-search");
    try {
      StringBuilder y = new StringBuilder();
      y.append("storage:\n  url: \"jdbc:h2:file:").append(dir.resolve("db").toAbsolutePath().toString()
          .replace('\\', '/')).append("\"\n");
      y.append("network:\n  allowPrivateAddresses: true\n");
      y.append("feeds:\n");
      for (int f = 0; f < FEEDS; f++) {
        y.append("  - { name: \"search ").append(f).append("\", url: \"http://127.0.0.1:9/s/").append(f)
            .append("\" }\n");
      }
      Path config = dir.resolve("newswire.yaml");
      Files.writeString(config, y.toString());
      NewswireConfig cfg = new ConfigLoader(Map.of()).load(config);
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());

      List<NewsItem> pool = new ArrayList<>();
      FeedParser parser = new FeedParser();
      for (BenchCorpus.Feed f : corpus.feeds()) {
        try {
          pool.addAll(parser.parse(f.bytes(), ParseBench.CONTENT_TYPE, URI.create("http://127.0.0.1/")).items());
        } catch (Exception ignored) {
          // skip
        }
      }
      pool.removeIf(i -> i.title() == null || i.title().isBlank());
      List<String> vocab = vocabulary(pool);

      long t0 = System.nanoTime();
      try (App app = new App(cfg, nowhere, false, Clock.systemUTC())) {
        store(app, pool, vocab, items);
      }
      double insertSeconds = (System.nanoTime() - t0) / 1e9;

      Map<String, String> queries = queries(pool, vocab);
      long t1 = System.nanoTime();
      try (App app = new App(cfg, nowhere, false, Clock.systemUTC())) {
        if (!app.searchIndex().awaitCaughtUp(Duration.ofMinutes(10))) throw new IllegalStateException("index not built");
        double indexSeconds = (System.nanoTime() - t1) / 1e9;
        int n = 0;
        for (int w = 0; w < 2; w++) {
          for (String q : queries.values()) search(app, q, n++);
        }
        List<Double> ms = new ArrayList<>();
        int errors = 0;
        int withHits = 0;
        for (int r = 0; r < rounds; r++) {
          for (String q : queries.values()) {
            long s = System.nanoTime();
            Reply reply = search(app, q, n++);
            ms.add((System.nanoTime() - s) / 1e6);
            if (reply instanceof Reply.Error) errors++;
            if (reply instanceof Reply.Cards c && !c.cards().isEmpty()) withHits++;
          }
        }
        Collections.sort(ms);
        return new Result(items, ms.size(), LatencyBench.percentile(ms, 50), LatencyBench.percentile(ms, 95),
            LatencyBench.percentile(ms, 99), ms.get(ms.size() - 1), insertSeconds, indexSeconds, queries, errors,
            withHits);
      }
    } finally {
      LatencyBench.deleteQuietly(dir);
    }
  }

  private static Reply search(App app, String query, int n) {
    // A different user each time: the registry's per-user command rate limit is not what is measured.
    return app.commands().dispatch("news", "search", new Invocation(new ChannelRef("discord", "500", "600"),
        "bench-" + n, "bench", false, Map.of("query", query), Instant.now()));
  }

  /** Corpus words of four letters or more, most frequent first. */
  static List<String> vocabulary(List<NewsItem> pool) {
    Map<String, Integer> freq = new HashMap<>();
    for (NewsItem i : pool) {
      Matcher m = WORD.matcher((i.title() + " " + (i.summary() == null ? "" : i.summary())).toLowerCase(Locale.ROOT));
      while (m.find()) freq.merge(m.group(), 1, Integer::sum);
    }
    List<String> words = new ArrayList<>(freq.keySet());
    words.sort((a, b) -> freq.get(b) - freq.get(a) != 0 ? freq.get(b) - freq.get(a) : a.compareTo(b));
    return words;
  }

  static Map<String, String> queries(List<NewsItem> pool, List<String> vocab) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("one word (frequent)", vocab.get(Math.min(30, vocab.size() - 1)));
    q.put("one word (middling)", vocab.get(Math.min(150, vocab.size() - 1)));
    q.put("one word (less common)", vocab.get(Math.min(600, vocab.size() - 1)));
    q.put("two words", vocab.get(Math.min(40, vocab.size() - 1)) + " " + vocab.get(Math.min(200, vocab.size() - 1)));
    q.put("two words (both common)", vocab.get(Math.min(20, vocab.size() - 1)) + " "
        + vocab.get(Math.min(60, vocab.size() - 1)));
    String phrase = null;
    Pattern two = Pattern.compile("\\b([A-Za-z]{4,}) ([A-Za-z]{4,})\\b");
    for (NewsItem i : pool) {
      Matcher m = two.matcher(i.title());
      if (m.find()) {
        phrase = m.group(1) + " " + m.group(2);
        break;
      }
    }
    q.put("quoted phrase", "\"" + (phrase == null ? vocab.get(0) + " " + vocab.get(1) : phrase) + "\"");
    q.put("rare term", RARE);
    return q;
  }

  private static void store(App app, List<NewsItem> pool, List<String> vocab, int total) {
    Deduper deduper = new Deduper();
    List<Feed> feeds = app.feeds().all();
    Random random = new Random(8);
    int share = Math.max(1, total / feeds.size());
    int serial = 0;
    Instant now = Instant.now();
    int common = Math.min(vocab.size(), 2000);
    for (Feed feed : feeds) {
      for (int start = 0; start < share; start += 2000) {
        List<NewsItem> items = new ArrayList<>();
        for (int k = start; k < Math.min(share, start + 2000); k++) {
          NewsItem b = pool.get(serial % pool.size());
          String tag = "s" + feed.id() + "x" + k;
          String extra = vocab.get(random.nextInt(common)) + " " + vocab.get(random.nextInt(common));
          String title = b.title() + " " + extra + (serial % 20_000 == 7 ? " " + RARE : "");
          String summary = (b.summary() == null ? "" : b.summary()) + " " + vocab.get(random.nextInt(common)) + " "
              + vocab.get(random.nextInt(common)) + " " + vocab.get(random.nextInt(common));
          items.add(new NewsItem((b.guid() == null ? "g" : b.guid()) + "#" + tag, title,
              "http://example.com/" + tag, summary, b.contentText(), b.author(), b.published(), b.updated(),
              b.categories(), b.image(), List.of()));
          serial++;
        }
        app.items().commitPoll(new PollCommit(feed.id(), FeedValidators.none(), null, now,
            new DedupeResult(List.of(), deduper.identify(items), List.of()), Map.of()));
      }
    }
  }
}
