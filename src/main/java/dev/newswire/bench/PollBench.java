package dev.newswire.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.newswire.config.NetworkConfig;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.parse.FeedParseException;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.fetch.FetchRequest;
import dev.newswire.pipeline.fetch.FetchResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 1: conditional GETs of N feeds on the loopback server through the real FeedFetcher, parsing the changed
 * ones with FeedParser, on a fixed pool as polling.threads would give. The server runs in the same JVM and shares
 * the cores; its handler CPU is measured and reported apart.
 */
public final class PollBench {

  /** One pool size's figures. */
  public record Result(int threads, int feeds, double checksPerMinute, double cpuMsPerFeed, double clientCpuMsPerFeed,
      int fetched, int notModified, int failed) {}

  public List<Result> run(BenchCorpus corpus, int feeds, List<Integer> poolSizes) throws Exception {
    NetworkConfig network = NetworkConfig.defaults().withAllowPrivateAddresses(true);
    FeedParser parser = new FeedParser();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Result> results = new ArrayList<>();
    try (BenchFeedServer server = new BenchFeedServer(corpus.feeds(), feeds, 8, true)) {
      FeedFetcher fetcher = new FeedFetcher(network);
      FetchRequest[] state = new FetchRequest[feeds];
      for (int i = 0; i < feeds; i++) {
        state[i] = FetchRequest.fresh(server.feedUri(i));
      }
      // Priming round (first poll of every feed: all 200s), also the warm-up; not measured.
      round(fetcher, parser, state, Math.max(poolSizes.get(0), 8));
      for (int threads : poolSizes) {
        long cpu0 = os.getProcessCpuTime();
        long server0 = server.handlerCpuNanos();
        long t0 = System.nanoTime();
        int[] counts = round(fetcher, parser, state, threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        double serverMs = (server.handlerCpuNanos() - server0) / 1e6;
        results.add(new Result(threads, feeds, feeds / seconds * 60, cpuMs / feeds, (cpuMs - serverMs) / feeds,
            counts[0], counts[1], counts[2]));
      }
    }
    return results;
  }

  /** Polls every feed once; returns {fetched, notModified, failed}. */
  private static int[] round(FeedFetcher fetcher, FeedParser parser, FetchRequest[] state, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<FetchResult>> futures = new ArrayList<>(state.length);
      for (int i = 0; i < state.length; i++) {
        FetchRequest request = state[i];
        futures.add(pool.submit(() -> {
          FetchResult r = fetcher.fetch(request);
          if (r.status() == FetchResult.Status.FETCHED) {
            try {
              parser.parse(r.body(), r.contentType(), r.finalUri());
            } catch (FeedParseException e) {
              return FetchResult.failed(request.url(), e.getMessage(), null);
            }
          }
          return r;
        }));
      }
      int[] counts = new int[3];
      for (int i = 0; i < state.length; i++) {
        FetchResult r = futures.get(i).get();
        switch (r.status()) {
          case FETCHED, UNCHANGED -> counts[0]++;
          case NOT_MODIFIED -> counts[1]++;
          case FAILED -> counts[2]++;
        }
        if (!r.failed()) {
          state[i] = new FetchRequest(state[i].url(), r.etag(), r.lastModified(),
              r.bodyHash() != null ? r.bodyHash() : state[i].lastBodyHash());
        }
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }
}
