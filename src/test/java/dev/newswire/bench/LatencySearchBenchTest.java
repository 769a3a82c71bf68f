package dev.newswire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scenarios 4 and 5 at toy size. */
class LatencySearchBenchTest {

  @Test
  void everyNewStoryArrivesAndIsTimed() throws Exception {
    LatencyBench.Result r = new LatencyBench().run(20);
    System.out.println(r);
    assertThat(r.arrived()).isEqualTo(r.expected());
    assertThat(r.p50Ms()).isPositive();
    assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms());
  }

  @Test
  void searchAnswersEveryQueryThroughTheRegistry() throws Exception {
    Path dir = Path.of("..", "shared", "corpus", "real");
    assumeTrue(Files.isDirectory(dir), "shared corpus not found; skipping");
    SearchBench.Result r = new SearchBench().run(BenchCorpus.load(dir), 400, 3);
    System.out.println(r);
    assertThat(r.errors()).isZero();
    assertThat(r.withHits()).isPositive();
    assertThat(r.p95()).isPositive();
  }
}
