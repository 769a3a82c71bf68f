package dev.newswire.news;

import dev.newswire.config.TopicConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured topics in their configured order (the order breaks score ties, so it is meaningful).
 */
public record Taxonomy(List<TopicConfig> topics) {

  public Taxonomy {
    topics = topics == null ? List.of() : List.copyOf(topics);
    Map<String, TopicConfig> seen = new LinkedHashMap<>();
    for (TopicConfig topic : topics) {
      if (topic.id() == null || topic.id().isBlank()) {
        throw new IllegalArgumentException("topic without id: " + topic.name());
      }
      if (seen.put(topic.id(), topic) != null) {
        throw new IllegalArgumentException("duplicate topic id: " + topic.id());
      }
    }
  }

  public static Taxonomy empty() {
    return new Taxonomy(List.of());
  }

  public Optional<TopicConfig> byId(String id) {
    return topics.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Display name for an id; the id itself when the topic is unknown (e.g. removed from config). */
  public String displayName(String id) {
    return byId(id).map(t -> t.name() == null || t.name().isBlank() ? t.id() : t.name()).orElse(id);
  }
}
