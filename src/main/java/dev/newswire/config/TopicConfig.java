package dev.newswire.config;

import java.util.List;

/**
 * One topic of the taxonomy.
 *
 * @param id            short stable id used in commands and subscriptions (e.g. "llms")
 * @param name          display name (e.g. "LLMs & models")
 * @param description   one line for /news topics
 * @param keywords      keywords and phrases, matched case-insensitively on word boundaries
 * @param whyItMatters  template sentence for the card's "Why it matters"
 * @param whoShouldCare roles, e.g. "ML engineers, infra teams"
 * @param color         card colour as #RRGGBB
 */
public record TopicConfig(
    String id,
    String name,
    String description,
    List<String> keywords,
    String whyItMatters,
    String whoShouldCare,
    String color) {

  public TopicConfig {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
