package dev.newswire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the bench in-process with tiny sizes so the harness cannot rot: every scenario row, numeric figures. */
class BenchSmokeTest {

  @Test
  void tinyRunHasEveryScenarioWithNumbers() throws Exception {
    Path corpus = Path.of("..", "shared", "corpus", "real");
    assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus.toAbsolutePath() + "; skipping");

    Bench.Run run = new Bench().run(BenchSizes.tiny(), corpus, null, "test");

    List<String> ids = run.rows().stream().map(BenchRow::id).distinct().toList();
    assertThat(ids).containsExactlyElementsOf(Bench.SCENARIO_IDS);
    for (BenchRow row : run.rows()) {
      assertThat(row.measured()).as(row.scenario()).isTrue();
      assertThat(row.value()).as(row.scenario()).isPositive().isFinite();
      assertThat(row.figure()).as(row.scenario()).matches("^[0-9][0-9,.]* .*");
      assertThat(row.met()).as(row.scenario()).isNotNull();
    }
    assertThat(run.rows().stream().filter(r -> r.id().equals("3"))).hasSize(2);
    for (FanoutBench.Result r : run.fanout()) {
      assertThat(r.lost()).as(r.platform()).isZero();
      assertThat(r.duplicated()).as(r.platform()).isZero();
      assertThat(r.failed()).as(r.platform()).isZero();
    }
    assertThat(run.latency().arrived()).isEqualTo(run.latency().expected());
    assertThat(run.search().errors()).isZero();
    assertThat(run.poll().get(0).failed()).isZero();
    assertThat(run.poll().get(0).fetched()).isPositive();
    assertThat(run.poll().get(0).notModified()).isPositive();
    assertThat(run.parse().worseThanRome()).isEmpty();

    String table = Bench.table(run);
    String markdown = Bench.markdown(run);
    for (BenchRow row : run.rows()) {
      assertThat(table).contains(row.figure());
      assertThat(markdown).contains("| " + row.id() + " | " + row.scenario() + " | " + row.figure() + " |");
    }
    assertThat(markdown).contains("Machine:", "cores", "Java", "Reproduce:", "## Fan-out (scenario 3)")
        .doesNotContain("not measured yet");
  }
}
