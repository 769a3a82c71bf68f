package dev.newswire.pipeline.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Orders stories for a digest: bigger stories (more outlets), stories on the reader's topics, and fresher stories
 * first. The score is a plain sum so a person can see why a story ranks where it does.
 *
 * <p>score = outlets + 2 × matching topics (capped at 3) + freshness, where freshness falls from 3 (now) to 0
 * (one {@code horizon} old) linearly.
 */
public final class ClusterRanking {

  /**
   * A story for ranking.
   *
   * @param clusterId its cluster
   * @param outlets   distinct feeds that carried it
   * @param topics    topic ids of its items
   * @param latest    when it was last seen (first seen of its newest item)
   */
  public record StoryCluster(String clusterId, int outlets, Set<String> topics, Instant latest) {}

  public record Ranked(StoryCluster story, double score) {}

  private final Set<String> wantedTopics;
  private final Duration horizon;

  public ClusterRanking(Set<String> wantedTopics, Duration horizon) {
    this.wantedTopics = Set.copyOf(wantedTopics);
    this.horizon = horizon;
  }

  public double score(StoryCluster s, Instant now) {
    long matching = s.topics().stream().filter(wantedTopics::contains).count();
    double ageSeconds = Math.max(0, Duration.between(s.latest(), now).toSeconds());
    double freshness = Math.max(0, 3 * (1 - ageSeconds / Math.max(1, horizon.toSeconds())));
    return s.outlets() + 2 * Math.min(3, matching) + freshness;
  }

  /** Best first; ties go to the fresher story, then the cluster id (stable). */
  public List<Ranked> rank(List<StoryCluster> stories, Instant now) {
    return stories.stream().map(s -> new Ranked(s, score(s, now)))
        .sorted(Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparing(r -> r.story().latest(), Comparator.reverseOrder())
            .thenComparing(r -> r.story().clusterId()))
        .toList();
  }
}
