package dev.newswire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scenario 3 at toy size: every channel gets exactly its messages through the enforcing bench servers. */
class FanoutBenchTest {

  private static BenchCorpus corpus() {
    Path dir = Path.of("..", "shared", "corpus", "real");
    assumeTrue(Files.isDirectory(dir), "shared corpus not found; skipping");
    return BenchCorpus.load(dir);
  }

  @Test
  void discordFanOutLosesNothingUnderTheGlobalLimit() throws Exception {
    FanoutBench.Result r = new FanoutBench().discord(corpus(), 60);
    System.out.println(r);
    assertThat(r.delivered()).isEqualTo(60);
    assertThat(r.lost()).isZero();
    assertThat(r.duplicated()).isZero();
    assertThat(r.failed()).isZero();
    assertThat(r.messagesPerSecond()).isPositive();
  }

  @Test
  void slackFanOutLosesNothingUnderPerChannelPacing() throws Exception {
    FanoutBench.Result r = new FanoutBench().slack(corpus(), 5, 2);
    System.out.println(r);
    assertThat(r.delivered()).isEqualTo(5);
    assertThat(r.lost()).isZero();
    assertThat(r.duplicated()).isZero();
    assertThat(r.messagesPerSecond()).isPositive();
  }
}
