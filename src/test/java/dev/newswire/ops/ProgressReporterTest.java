package dev.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress reporter with a fake clock and a collecting sink: no sleeping, no timing assertions. */
class ProgressReporterTest {
  final List<String> out = new ArrayList<>();
  final AtomicLong nanos = new AtomicLong(1_000);

  ProgressReporter reporter(boolean terminal, int total) {
    return new ProgressReporter(out::add, terminal, "first poll", total, nanos::get, Duration.ofSeconds(10));
  }

  @Test
  void terminalModeRedrawsOneLineWithCarriageReturnsAndEndsWithALineBreak() {
    ProgressReporter p = reporter(true, 500);
    p.update(120);
    p.update(120); // unchanged: not redrawn
    p.advance();
    nanos.addAndGet(Duration.ofSeconds(7).toNanos());
    p.update(500);
    p.update(500);
    assertThat(out).hasSize(4);
    assertThat(out.get(0)).isEqualTo("\rfirst poll [#####...................] 120/500 (24%)");
    assertThat(out.get(1)).isEqualTo("\rfirst poll [#####...................] 121/500 (24%)");
    assertThat(out.get(2)).isEqualTo("\rfirst poll [########################] 500/500 (100%)");
    assertThat(out.get(3)).isEqualTo("\rfirst poll [########################] 500/500 (100%) in 7 s\n");
    assertThat(String.join("", out)).doesNotContain("\n\r").containsOnlyOnce("\n");
  }

  @Test
  void lineModeWritesAtEachTenPercentOrAfterTheIntervalAndALastLine() {
    ProgressReporter p = reporter(false, 500);
    for (int i = 1; i <= 49; i++) p.advance();
    assertThat(out).as("under 10% and no time passed").isEmpty();
    p.advance();
    assertThat(out).containsExactly("first poll: 50/500 (10%)");
    p.update(60);
    assertThat(out).hasSize(1);
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    p.update(61);
    assertThat(out).last().isEqualTo("first poll: 61/500 (12%)");
    p.update(62);
    assertThat(out).hasSize(2);
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    p.update(500);
    assertThat(out).last().isEqualTo("first poll: 500/500 (100%), done in 15 s");
    p.update(500);
    p.finish();
    assertThat(out).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain("\r", "\n"));
  }

  @Test
  void finishingEarlySaysStoppedAndLaterUpdatesAreIgnored() {
    ProgressReporter p = reporter(false, 40);
    p.update(10);
    p.finish();
    p.update(40);
    assertThat(out).containsExactly("first poll: 10/40 (25%)", "first poll: 10/40 (25%), stopped in 0 s");

    out.clear();
    ProgressReporter bar = reporter(true, 0);
    bar.finish();
    assertThat(out).containsExactly("\rfirst poll [########################] 0/0 (100%) in 0 s\n");
  }

  @Test
  void concurrentAdvancesAreAllCounted() throws Exception {
    ProgressReporter p = reporter(false, 4000);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 1000; i++) p.advance();
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) th.join();
    assertThat(out).last().isEqualTo("first poll: 4000/4000 (100%), done in 0 s");
    assertThat(out).hasSize(10); // 10%, 20%, ... 90%, then done
  }
}
