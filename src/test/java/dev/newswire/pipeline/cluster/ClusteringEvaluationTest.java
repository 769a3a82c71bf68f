package dev.newswire.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.ClusteringConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precision and recall of "same story" on the labelled pairs in clustering/pairs.tsv (see build_pairs.py). */
class ClusteringEvaluationTest {
  static final double PRECISION_FLOOR = 0.95;
  static final double RECALL_FLOOR = 0.80;

  record Pair(String titleA, String summaryA, String titleB, String summaryB, boolean same, String note) {}

  static List<Pair> pairs() throws IOException {
    try (InputStream in = ClusteringEvaluationTest.class.getResourceAsStream("/clustering/pairs.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<Pair> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) continue;
        String[] f = lines[i].split("\t", -1);
        out.add(new Pair(unescape(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3]), Boolean.parseBoolean(f[4]), f[5]));
      }
      return out;
    }
  }

  static String unescape(String s) {
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

  @Test
  void precisionAndRecallOnLabelledPairs() throws IOException {
    StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults());
    List<Pair> pairs = pairs();
    // Background: as in production, the window's items tell common names ("Google") from rare ones ("AlphaQubit").
    int n = 0;
    for (Pair p : pairs) {
      clusterer.load("bg" + n++, 0, null, p.titleA(), p.summaryA(), java.time.Instant.EPOCH);
      clusterer.load("bg" + n++, 0, null, p.titleB(), p.summaryB(), java.time.Instant.EPOCH);
    }
    int tp = 0, fp = 0, fn = 0, tn = 0;
    for (Pair p : pairs) {
      StoryClusterer.Verdict v = clusterer.compare(StoryClusterer.features(null, p.titleA(), p.summaryA()),
          StoryClusterer.features(null, p.titleB(), p.summaryB()));
      if (v.same() && p.same()) tp++;
      else if (v.same()) {
        fp++;
        System.out.println("FALSE POSITIVE: " + p.titleA() + " | " + p.titleB() + " -> " + v + " [" + p.note() + "]");
      } else if (p.same()) {
        fn++;
        System.out.println("MISSED: " + p.titleA() + " | " + p.titleB() + " -> " + v + " [" + p.note() + "]");
      } else tn++;
    }
    double precision = tp / (double) Math.max(1, tp + fp);
    double recall = tp / (double) Math.max(1, tp + fn);
    System.out.printf("Clustering evaluation: %d pairs (%d same, %d different): precision %.3f, recall %.3f"
        + " (tp %d, fp %d, fn %d, tn %d)%n", pairs.size(), tp + fn, fp + tn, precision, recall, tp, fp, fn, tn);
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(150);
    assertThat(precision).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(recall).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
  }
}
