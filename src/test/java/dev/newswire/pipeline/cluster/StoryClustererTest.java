package dev.newswire.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.ClusteringConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  final AtomicInteger ids = new AtomicInteger();
  final StoryClusterer clusterer = new StoryClusterer(ClusteringConfig.defaults(), () -> "c" + ids.incrementAndGet());

  StoryClusterer.Placement place(long feed, String link, String title, String summary, Instant at) {
    return clusterer.place(new StoryClusterer.Candidate(feed, link, title, summary, at));
  }

  @Test
  void entityOverlapCarriesARewrittenHeadline() {
    var a = place(1, "https://a.example/1", "Nvidia's Huang warns on DeepSeek's Huawei shift", "", T0);
    var b = place(2, "https://b.example/9", "Jensen Huang: DeepSeek moving to Huawei chips is 'horrible' for US", "",
        T0.plusSeconds(3600));
    assertThat(a.newCluster()).isTrue();
    assertThat(b.clusterId()).isEqualTo(a.clusterId());
    assertThat(b.why().sharedEntities()).contains("huang", "deepseek", "huawei");
  }

  @Test
  void sameCompanyDifferentNewsStaysApart() {
    var a = place(1, "https://a.example/1", "OpenAI launches GPT-5", "", T0);
    var b = place(2, "https://b.example/2", "OpenAI raises $40B", "", T0.plusSeconds(60));
    assertThat(b.clusterId()).isNotEqualTo(a.clusterId());
    assertThat(b.newCluster()).isTrue();
  }

  @Test
  void sameCanonicalLinkIsTheSameStory() {
    var a = place(1, "https://n.example/story", "One headline", "", T0);
    var b = place(2, "https://n.example/story", "Entirely different words", "", T0.plusSeconds(60));
    assertThat(b.clusterId()).isEqualTo(a.clusterId());
    assertThat(b.why().rule()).isEqualTo("same link");
  }

  @Test
  void onlyWithinTheWindowAndNotAfterEviction() {
    var a = place(1, null, "Nvidia becomes first company worth $4 trillion", "", T0);
    var late = place(2, null, "Nvidia hits $4T market cap, a first for any company", "", T0.plus(Duration.ofHours(49)));
    assertThat(late.clusterId()).isNotEqualTo(a.clusterId());
    clusterer.evictBefore(T0.plus(Duration.ofHours(1)));
    var again = place(3, null, "Nvidia becomes first company worth $4 trillion", "", T0.plusSeconds(60));
    assertThat(again.clusterId()).isNotEqualTo(a.clusterId());
  }

  @Test
  void disabledMakesEveryItemItsOwnStory() {
    StoryClusterer off = new StoryClusterer(ClusteringConfig.disabled());
    var a = off.place(new StoryClusterer.Candidate(1, "https://x/1", "Same", "", T0));
    var b = off.place(new StoryClusterer.Candidate(2, "https://x/1", "Same", "", T0));
    assertThat(a.clusterId()).isNotEqualTo(b.clusterId());
  }
}
