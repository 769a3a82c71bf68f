package dev.newswire.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.pipeline.cluster.ClusterRanking.StoryCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterRankingTest {
  static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
  final ClusterRanking ranking = new ClusterRanking(Set.of("llms"), Duration.ofHours(24));

  @Test
  void sizeTopicAndRecencyEachCount() {
    StoryCluster big = new StoryCluster("big", 5, Set.of("business"), NOW.minus(Duration.ofHours(12)));
    StoryCluster onTopic = new StoryCluster("topic", 1, Set.of("llms"), NOW.minus(Duration.ofHours(12)));
    StoryCluster fresh = new StoryCluster("fresh", 1, Set.of(), NOW);
    StoryCluster stale = new StoryCluster("stale", 1, Set.of(), NOW.minus(Duration.ofDays(3)));
    assertThat(ranking.rank(List.of(stale, fresh, onTopic, big), NOW))
        .extracting(r -> r.story().clusterId()).containsExactly("big", "topic", "fresh", "stale");
    assertThat(ranking.score(big, NOW)).isEqualTo(5 + 1.5);
    assertThat(ranking.score(onTopic, NOW)).isEqualTo(1 + 2 + 1.5);
    assertThat(ranking.score(stale, NOW)).isEqualTo(1.0);
  }

  @Test
  void tiesGoToTheFresherStoryThenTheId() {
    StoryCluster a = new StoryCluster("a", 2, Set.of(), NOW.minus(Duration.ofDays(2)));
    StoryCluster b = new StoryCluster("b", 2, Set.of(), NOW.minus(Duration.ofDays(3)));
    StoryCluster c = new StoryCluster("c", 2, Set.of(), NOW.minus(Duration.ofDays(2)));
    assertThat(ranking.rank(List.of(b, c, a), NOW)).extracting(r -> r.story().clusterId()).containsExactly("a", "c", "b");
  }
}
