package dev.newswire.news;

import java.time.Instant;
import java.util.List;

/**
 * A story ready to be shown: platform-neutral, rendered natively by each chat platform.
 *
 * <p>Text fields are plain text straight from the feed or our templates: renderers own escaping and
 * limits, because each platform escapes differently. The card itself only normalises nulls, so a card
 * built by hand (or later by an LLM) is still safe to render.
 *
 * @param title         story headline (may be empty; renderers fall back to a placeholder)
 * @param url           link to the story, or null; renderers drop anything that is not absolute http(s)
 * @param sourceName    feed or outlet name shown as the author line
 * @param sourceIconUrl outlet icon, or null
 * @param published     publication time, or null when the feed has none
 * @param imageUrl      lead image, or null
 * @param tldr          at most 280 characters of whole sentences (the Enricher's contract)
 * @param keyPoints     at most 3 extra sentences
 * @param whyItMatters  one sentence
 * @param whoShouldCare roles, e.g. "ML engineers, infra teams"
 * @param topics        topic <em>display names</em>, primary first. Names rather than ids because the
 *                      card is the last stop before people read it and renderers hold no taxonomy; ids
 *                      stay on {@link NewsItem#topics()} for routing.
 * @param color         accent colour as 0xRRGGBB
 * @param alsoCoveredBy other outlets with the same story (empty until story clustering exists)
 * @param whatToDoNext  optional suggested action (for LLM enrichment later), or null
 */
public record Card(
    String title,
    String url,
    String sourceName,
    String sourceIconUrl,
    Instant published,
    String imageUrl,
    String tldr,
    List<String> keyPoints,
    String whyItMatters,
    String whoShouldCare,
    List<String> topics,
    int color,
    List<SourceLink> alsoCoveredBy,
    String whatToDoNext) {

  public static final int MAX_TLDR_LENGTH = 280;
  public static final int MAX_KEY_POINTS = 3;

  public Card {
    title = title == null ? "" : title;
    sourceName = sourceName == null ? "" : sourceName;
    tldr = tldr == null ? "" : tldr;
    keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
    whyItMatters = whyItMatters == null ? "" : whyItMatters;
    whoShouldCare = whoShouldCare == null ? "" : whoShouldCare;
    topics = topics == null ? List.of() : List.copyOf(topics);
    color = color & 0xFFFFFF;
    alsoCoveredBy = alsoCoveredBy == null ? List.of() : List.copyOf(alsoCoveredBy);
  }

  public Card withAlsoCoveredBy(List<SourceLink> others) {
    return new Card(title, url, sourceName, sourceIconUrl, published, imageUrl, tldr, keyPoints,
        whyItMatters, whoShouldCare, topics, color, others, whatToDoNext);
  }

  public Card withWhatToDoNext(String next) {
    return new Card(title, url, sourceName, sourceIconUrl, published, imageUrl, tldr, keyPoints,
        whyItMatters, whoShouldCare, topics, color, alsoCoveredBy, next);
  }
}
