package dev.newswire.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.bench.ClusteringBench;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Precision and recall of "same story" on the labelled pairs in clustering/pairs.tsv (see build_pairs.py). */
class ClusteringEvaluationTest {
  static final double PRECISION_FLOOR = 0.95;
  static final double RECALL_FLOOR = 0.80;

  static List<ClusteringBench.Pair> pairs() throws IOException {
    try (InputStream in = ClusteringEvaluationTest.class.getResourceAsStream("/clustering/pairs.tsv")) {
      return ClusteringBench.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void precisionAndRecallOnLabelledPairs() throws IOException {
    List<ClusteringBench.Pair> pairs = pairs();
    ClusteringBench.Evaluation e = ClusteringBench.evaluate(pairs);
    e.mistakes().forEach(System.out::println);
    System.out.printf("Clustering evaluation: %d pairs (%d same, %d different): precision %.3f, recall %.3f"
        + " (tp %d, fp %d, fn %d, tn %d)%n", e.pairs(), e.tp() + e.fn(), e.fp() + e.tn(), e.precision(), e.recall(),
        e.tp(), e.fp(), e.fn(), e.tn());
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(150);
    assertThat(e.precision()).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(e.recall()).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
  }
}
