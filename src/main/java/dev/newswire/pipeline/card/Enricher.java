package dev.newswire.pipeline.card;

import dev.newswire.config.TopicConfig;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import java.util.List;
import java.util.Optional;

/**
 * Turns a parsed story into a {@link Card}: TL;DR and key points from its own text, topics from the
 * taxonomy, and the primary topic's colour and "why it matters" / "who should care" templates.
 * Offline and deterministic: the same item always gives an equal card.
 */
public final class Enricher implements StoryEnricher {

  public static final int DEFAULT_COLOR = 0x5865F2;
  static final String FALLBACK_WHY = "A development worth knowing about if you follow AI.";
  static final String FALLBACK_WHO = "Anyone following AI";
  /** The footer and tags stay readable; a story that touches more topics is not about all of them. */
  static final int MAX_TOPICS = 3;

  private final Taxonomy taxonomy;
  private final TopicClassifier classifier;
  private final ExtractiveSummarizer summarizer;

  public Enricher(Taxonomy taxonomy, TopicClassifier classifier, ExtractiveSummarizer summarizer) {
    this.taxonomy = taxonomy;
    this.classifier = classifier;
    this.summarizer = summarizer;
  }

  public Enricher(Taxonomy taxonomy) {
    this(taxonomy, new TopicClassifier(taxonomy), new ExtractiveSummarizer());
  }

  /**
   * @param item          the story; its {@code topics} are used when already set, else it is classified
   * @param sourceName    display name of the feed
   * @param sourceIconUrl the feed's icon, or null
   */
  @Override
  public Card enrich(NewsItem item, String sourceName, String sourceIconUrl) {
    List<String> topicIds = (item.topics().isEmpty() ? classifier.classify(item) : item.topics())
        .stream().limit(MAX_TOPICS).toList();
    Optional<TopicConfig> primary = topicIds.stream().map(taxonomy::byId).flatMap(Optional::stream).findFirst();
    Summary summary = summarizer.summarize(item.title(), List.of(item.summary(), item.contentText()));
    return new Card(
        item.title().strip(),
        item.link(),
        sourceName,
        sourceIconUrl,
        item.bestTime(),
        item.image(),
        summary.tldr(),
        summary.keyPoints(),
        primary.map(TopicConfig::whyItMatters).filter(s -> !s.isBlank()).orElse(FALLBACK_WHY),
        primary.map(TopicConfig::whoShouldCare).filter(s -> !s.isBlank()).orElse(FALLBACK_WHO),
        topicIds.stream().map(taxonomy::displayName).toList(),
        primary.map(t -> parseColor(t.color())).orElse(DEFAULT_COLOR),
        List.of(),
        null);
  }

  /** "#RRGGBB" (or "RRGGBB") to 0xRRGGBB; a malformed colour falls back rather than failing a post. */
  static int parseColor(String hex) {
    if (hex == null) {
      return DEFAULT_COLOR;
    }
    String digits = hex.strip().startsWith("#") ? hex.strip().substring(1) : hex.strip();
    if (!digits.matches("[0-9A-Fa-f]{6}")) {
      return DEFAULT_COLOR;
    }
    return Integer.parseInt(digits, 16);
  }
}
