package dev.newswire.bench;

import java.util.List;

/**
 * How big each scenario is.
 *
 * @param pollFeeds       feeds on the local server for scenario 1
 * @param poolSizes       fetch thread pools tried in scenario 1 (the best is reported)
 * @param parseWarmup     warm-up passes over the corpus in scenario 2
 * @param parseIterations measured passes over the corpus in scenario 2
 * @param footprintFeeds  configured feeds for scenario 6
 * @param storedItems     items stored before measuring the heap in scenario 6
 * @param pollCycles      polling cycles before measuring the heap in scenario 6
 * @param childProcess    measure start-up by launching the jar (else in-process)
 */
public record BenchSizes(int pollFeeds, List<Integer> poolSizes, int parseWarmup, int parseIterations,
    int footprintFeeds, int storedItems, int pollCycles, boolean childProcess) {

  public static BenchSizes full() {
    return new BenchSizes(5_000, List.of(8, 16, 32), 5, 10, 1_000, 100_000, 3, true);
  }

  public static BenchSizes quick() {
    return new BenchSizes(200, List.of(8, 16), 1, 2, 100, 5_000, 2, true);
  }

  /** For the JUnit smoke test: seconds, not minutes. */
  public static BenchSizes tiny() {
    return new BenchSizes(40, List.of(8), 0, 1, 20, 400, 1, false);
  }
}
