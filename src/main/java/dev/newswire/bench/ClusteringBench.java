package dev.newswire.bench;

import dev.newswire.config.ClusteringConfig;
import dev.newswire.pipeline.cluster.StoryClusterer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Issue #9's figures: precision and recall of "same story" on the labelled pairs (src/test/resources/clustering/
 * pairs.tsv: real corpus items plus hand-written hard cases), and the time to place new items against a full window.
 */
public final class ClusteringBench {
  /** Where the labelled pairs live in a checkout (the bench runs from the repository root). */
  public static final Path PAIRS = Path.of("src", "test", "resources", "clustering", "pairs.tsv");

  public record Pair(String titleA, String summaryA, String titleB, String summaryB, boolean same, String note) {}

  /** Confusion counts over the pairs, with the wrong verdicts spelled out. */
  public record Evaluation(int pairs, int tp, int fp, int fn, int tn, List<String> mistakes) {
    public double precision() {
      return tp / (double) Math.max(1, tp + fp);
    }

    public double recall() {
      return tp / (double) Math.max(1, tp + fn);
    }
  }

  /** Placing {@code newItems} against a window of {@code windowItems}. */
  public record Placement(int windowItems, int newItems, double buildSeconds, double placeSeconds, int joined) {}

  public static List<Pair> parse(String tsv) {
    String[] lines = tsv.split("\n");
    List<Pair> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      String[] f = lines[i].split("\t", -1);
      out.add(new Pair(unescape(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3]), Boolean.parseBoolean(f[4]), f[5]));
    }
    return out;
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(switch (n) { case 't' -> '\t'; case 'n' -> '\n'; case 'r' -> '\r'; default -> n; });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static Evaluation evaluate(List<Pair> pairs) {
    StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults());
    // Background: as in production, the window's items tell common names ("Google") from rare ones ("AlphaQubit").
    int n = 0;
    for (Pair p : pairs) {
      clusterer.load("bg" + n++, 0, null, p.titleA(), p.summaryA(), Instant.EPOCH);
      clusterer.load("bg" + n++, 0, null, p.titleB(), p.summaryB(), Instant.EPOCH);
    }
    int tp = 0, fp = 0, fn = 0, tn = 0;
    List<String> mistakes = new ArrayList<>();
    for (Pair p : pairs) {
      StoryClusterer.Verdict v = clusterer.compare(StoryClusterer.features(null, p.titleA(), p.summaryA()),
          StoryClusterer.features(null, p.titleB(), p.summaryB()));
      if (v.same() && p.same()) {
        tp++;
      } else if (v.same()) {
        fp++;
        mistakes.add("FALSE POSITIVE: " + p.titleA() + " | " + p.titleB() + " -> " + v + " [" + p.note() + "]");
      } else if (p.same()) {
        fn++;
        mistakes.add("MISSED: " + p.titleA() + " | " + p.titleB() + " -> " + v + " [" + p.note() + "]");
      } else {
        tn++;
      }
    }
    return new Evaluation(pairs.size(), tp, fp, fn, tn, mistakes);
  }

  /** The labelled pairs of this checkout, or null when the bench runs outside one. */
  public static Evaluation evaluateCheckout() throws IOException {
    if (!Files.isRegularFile(PAIRS)) return null;
    return evaluate(parse(Files.readString(PAIRS, StandardCharsets.UTF_8)));
  }

  private static final String[] COMPANIES = new String[300];
  private static final String[] WORDS = new String[4000];

  static {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < COMPANIES.length; i++) COMPANIES[i] = name(r, true);
    for (int i = 0; i < WORDS.length; i++) WORDS[i] = name(r, false);
  }

  private static String name(SplittableRandom r, boolean capital) {
    String letters = "abcdefghiklmnoprstuvwy";
    StringBuilder sb = new StringBuilder();
    int n = 4 + r.nextInt(6);
    for (int i = 0; i < n; i++) sb.append(letters.charAt(r.nextInt(letters.length())));
    if (capital) sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.toString();
  }

  /** A headline-like item: a company (a few are very common), a model name, words from a Zipf-like vocabulary. */
  private static String[] item(SplittableRandom r) {
    String company = COMPANIES[(int) Math.min(COMPANIES.length - 1, Math.abs(r.nextGaussian()) * 40)];
    String model = "Model-" + r.nextInt(500);
    StringBuilder title = new StringBuilder(company).append(' ');
    for (int i = 0; i < 6; i++) title.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 900)]).append(' ');
    title.append(model);
    StringBuilder summary = new StringBuilder(company).append(" said ");
    for (int i = 0; i < 25; i++) summary.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(r.nextGaussian()) * 900)]).append(' ');
    return new String[] {title.toString(), summary.toString()};
  }

  /** Fills a 48 h window with {@code windowItems} generated items, then places {@code newItems} against it. */
  public static Placement placement(int windowItems, int newItems) {
    SplittableRandom r = new SplittableRandom(42);
    Instant t0 = Instant.parse("2026-11-02T00:00:00Z");
    StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults());
    long s0 = System.nanoTime();
    long spacing = Duration.ofHours(40).toSeconds() / Math.max(1, windowItems);
    for (int i = 0; i < windowItems; i++) {
      String[] it = item(r);
      clusterer.load("c" + i, i % 200, "https://n.example/" + i, it[0], it[1], t0.plusSeconds(i * spacing));
    }
    long loaded = System.nanoTime();
    int joined = 0;
    Instant now = t0.plus(Duration.ofHours(41));
    for (int i = 0; i < newItems; i++) {
      String[] it = item(r);
      var p = clusterer.place(new StoryClusterer.Candidate(i % 200, "https://m.example/" + i, it[0], it[1], now));
      if (!p.newCluster()) joined++;
    }
    long placed = System.nanoTime();
    return new Placement(windowItems, newItems, (loaded - s0) / 1e9, (placed - loaded) / 1e9, joined);
  }
}
