package dev.newswire.config;

import java.time.Duration;

/**
 * Story clustering: one card per story across feeds.
 *
 * @param enabled          false: every feed's item is its own story (the behaviour before clustering)
 * @param window           only items within this time of each other can be the same story (default 48h)
 * @param threshold        Jaccard of title+summary word sets at or above which two items are the same story
 *                         on text alone (default 0.5)
 * @param minEntityOverlap shared names/model names/numbers that, with some word overlap, make the same story
 *                         (default 2)
 */
public record ClusteringConfig(Boolean enabled, Duration window, Double threshold, Integer minEntityOverlap) {
  public ClusteringConfig {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    window = window == null ? Duration.ofHours(48) : window;
    threshold = threshold == null ? 0.5 : threshold;
    minEntityOverlap = minEntityOverlap == null ? 2 : minEntityOverlap;
  }

  public static ClusteringConfig defaults() {
    return new ClusteringConfig(null, null, null, null);
  }

  public static ClusteringConfig disabled() {
    return new ClusteringConfig(false, null, null, null);
  }
}
