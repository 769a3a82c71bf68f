package dev.newswire.pipeline.card;

import dev.newswire.config.TopicConfig;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tags a story with taxonomy topics by keyword matching.
 *
 * <p>Keywords match case-insensitively on word boundaries, so "ai" never matches "said" and "chip"
 * never matches "chips": plural and other forms are listed in the taxonomy, which keeps matching
 * predictable and the config the single place to tune it. A phrase matches across any whitespace.
 *
 * <p>Score per topic: 3 per distinct keyword in the title, 2 per distinct keyword in the feed's
 * categories, 1 per distinct keyword in the summary/content. Distinct rather than counted occurrences,
 * so one word repeated through a long article cannot outweigh the headline. A topic needs
 * {@value #MIN_SCORE} points: a single passing mention deep in the body is not what a story is about.
 */
public final class TopicClassifier {

  static final int MIN_SCORE = 2;
  private static final int TITLE_WEIGHT = 3;
  private static final int CATEGORY_WEIGHT = 2;
  private static final int BODY_WEIGHT = 1;
  /** Topics are decided by the top of a story; scanning megabytes of body would only add noise. */
  private static final int MAX_BODY_CHARS = 10_000;

  private final List<CompiledTopic> topics;

  public TopicClassifier(Taxonomy taxonomy) {
    this.topics = taxonomy.topics().stream().map(CompiledTopic::of).toList();
  }

  /** Matching topic ids, best first; ties keep taxonomy order. */
  public List<String> classify(NewsItem item) {
    String title = item.title();
    String categories = String.join("\n", item.categories());
    String body = bounded(item.summary() + "\n" + item.contentText());
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < topics.size(); i++) {
      CompiledTopic topic = topics.get(i);
      int score = TITLE_WEIGHT * topic.distinctMatches(title)
          + CATEGORY_WEIGHT * topic.distinctMatches(categories)
          + BODY_WEIGHT * topic.distinctMatches(body);
      if (score >= MIN_SCORE) {
        scored.add(new Scored(topic.id(), score, i));
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
        .map(Scored::id)
        .toList();
  }

  private static String bounded(String text) {
    return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
  }

  private record Scored(String id, int score, int order) {}

  private record CompiledTopic(String id, List<Pattern> keywords) {

    static CompiledTopic of(TopicConfig config) {
      List<Pattern> patterns = config.keywords().stream()
          .filter(k -> k != null && !k.isBlank())
          .map(CompiledTopic::compile)
          .toList();
      return new CompiledTopic(config.id(), patterns);
    }

    /**
     * Lookarounds for "not a letter or digit" instead of \b, because \b fails next to keywords that
     * start or end with a symbol ("C++", ".NET", "GPT-4.5").
     */
    private static Pattern compile(String keyword) {
      String[] words = keyword.strip().split("\\s+");
      StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
      for (int i = 0; i < words.length; i++) {
        if (i > 0) {
          regex.append("\\s+");
        }
        regex.append(Pattern.quote(words[i]));
      }
      regex.append("(?![\\p{L}\\p{N}])");
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    int distinctMatches(String text) {
      if (text.isEmpty()) {
        return 0;
      }
      int count = 0;
      for (Pattern keyword : keywords) {
        if (keyword.matcher(text).find()) {
          count++;
        }
      }
      return count;
    }
  }
}
