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
 * @param discordChannels channels one story is fanned out to in scenario 3 (Discord)
 * @param slackChannels   channels in scenario 3 (Slack)
 * @param slackPerChannel stories each Slack channel gets in scenario 3 (so per-channel pacing matters)
 * @param latencyStories  new stories timed end to end in scenario 4
 * @param searchItems     stored items searched in scenario 5
 * @param searchRounds    measured passes over the query set in scenario 5
 * @param clusterWindow   items in the story-clustering window (issue #9)
 * @param clusterNew      new items placed against that window
 */
public record BenchSizes(int pollFeeds, List<Integer> poolSizes, int parseWarmup, int parseIterations,
    int footprintFeeds, int storedItems, int pollCycles, boolean childProcess, int discordChannels,
    int slackChannels, int slackPerChannel, int latencyStories, int searchItems, int searchRounds,
    int clusterWindow, int clusterNew) {

  public static BenchSizes full() {
    return new BenchSizes(5_000, List.of(8, 16, 32), 5, 10, 1_000, 100_000, 3, true, 1_000, 200, 3, 1_000, 100_000,
        30, 50_000, 10_000);
  }

  public static BenchSizes quick() {
    return new BenchSizes(200, List.of(8, 16), 1, 2, 100, 5_000, 2, true, 50, 20, 2, 50, 2_000, 10, 5_000, 1_000);
  }

  /** For the JUnit smoke test: seconds, not minutes. */
  public static BenchSizes tiny() {
    return new BenchSizes(40, List.of(8), 0, 1, 20, 400, 1, false, 20, 4, 2, 20, 300, 2, 500, 100);
  }
}
