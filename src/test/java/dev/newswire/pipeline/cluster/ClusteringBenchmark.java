package dev.newswire.pipeline.cluster;

import dev.newswire.config.ClusteringConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Micro-benchmark, not an assertion: places 10,000 new items against a window of 50,000.
 * Run: {@code mvn -o test -Dtest=ClusteringBenchmark -Dbench=true} (or run main).
 */
@Tag("benchmark")
class ClusteringBenchmark {
  static final String[] COMPANIES = new String[300];
  static final String[] WORDS = new String[4000];

  static {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < COMPANIES.length; i++) COMPANIES[i] = name(r, true);
    for (int i = 0; i < WORDS.length; i++) WORDS[i] = name(r, false);
  }

  static String name(SplittableRandom r, boolean capital) {
    String letters = "abcdefghiklmnoprstuvwy";
    StringBuilder sb = new StringBuilder();
    int n = 4 + r.nextInt(6);
    for (int i = 0; i < n; i++) sb.append(letters.charAt(r.nextInt(letters.length())));
    if (capital) sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.toString();
  }

  /** A headline-like item: a company (skewed: a few are very common), a model name, words from a Zipf-ish vocabulary. */
  static String[] item(SplittableRandom r) {
    String company = COMPANIES[(int) Math.min(COMPANIES.length - 1, Math.abs(r.nextGaussian()) * 40)];
    String model = "Model-" + r.nextInt(500);
    StringBuilder title = new StringBuilder(company).append(' ');
    for (int i = 0; i < 6; i++) title.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 900)]).append(' ');
    title.append(model);
    StringBuilder summary = new StringBuilder(company).append(" said ");
    for (int i = 0; i < 25; i++) summary.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 900)]).append(' ');
    return new String[] {title.toString(), summary.toString()};
  }

  @Test
  @EnabledIfSystemProperty(named = "bench", matches = "true")
  void tenThousandAgainstFiftyThousand() {
    run();
  }

  public static void main(String[] args) {
    run();
  }

  static void run() {
    SplittableRandom r = new SplittableRandom(42);
    Instant t0 = Instant.parse("2026-11-02T00:00:00Z");
    StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults());
    long s0 = System.nanoTime();
    for (int i = 0; i < 50_000; i++) {
      String[] it = item(r);
      clusterer.load("c" + i, i % 200, "https://n.example/" + i, it[0], it[1], t0.plusSeconds(i * 2L));
    }
    long loaded = System.nanoTime();
    int joined = 0;
    Instant now = t0.plus(Duration.ofHours(30));
    for (int i = 0; i < 10_000; i++) {
      String[] it = item(r);
      var p = clusterer.place(new StoryClusterer.Candidate(i % 200, "https://m.example/" + i, it[0], it[1], now));
      if (!p.newCluster()) joined++;
    }
    long placed = System.nanoTime();
    System.out.printf("Clustering benchmark: window of 50,000 built in %d ms; 10,000 new items placed in %d ms"
        + " (%d joined a story); %d cores%n", (loaded - s0) / 1_000_000, (placed - loaded) / 1_000_000, joined,
        Runtime.getRuntime().availableProcessors());
  }
}
