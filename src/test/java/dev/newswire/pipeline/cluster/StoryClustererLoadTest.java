package dev.newswire.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.ClusteringConfig;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start-up reads the window in the background; a story placed meanwhile must still see the whole window. */
class StoryClustererLoadTest {
  static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

  @Test
  void placingWaitsForTheWindowLoadAndThenJoinsTheLoadedStory() throws Exception {
    StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults());
    clusterer.beginLoad();
    CompletableFuture<StoryClusterer.Placement> placed = CompletableFuture.supplyAsync(() -> clusterer.place(
        new StoryClusterer.Candidate(2, "https://b.example/nvidia-h300", "Nvidia unveils H300 GPU for AI training",
            "Nvidia's H300 GPU doubles training throughput", T0.plusSeconds(600))));
    Thread.sleep(200);
    assertThat(placed).as("waits while the window is loading").isNotDone();

    clusterer.load("story-1", 1, "https://a.example/nvidia-h300", "Nvidia unveils H300 GPU for AI training",
        "The H300 GPU from Nvidia doubles training throughput", T0);
    clusterer.endLoad();

    StoryClusterer.Placement p = placed.get(30, TimeUnit.SECONDS);
    assertThat(p.newCluster()).isFalse();
    assertThat(p.clusterId()).isEqualTo("story-1");
  }

  @Test
  void aClustererThatNeverLoadsPlacesAtOnce() {
    StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults());
    StoryClusterer.Placement p = clusterer.place(new StoryClusterer.Candidate(1, "https://a.example/x", "A title",
        "A summary", T0));
    assertThat(p.newCluster()).isTrue();
  }
}
