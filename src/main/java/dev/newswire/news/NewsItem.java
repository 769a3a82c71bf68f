package dev.newswire.news;

import java.time.Instant;
import java.util.List;

/**
 * One story as read from a feed, normalised: plain text everywhere, canonical link, UTC instants.
 *
 * @param guid        the entry's own id (RSS guid, Atom id, RDF about) or null when the feed gives none
 * @param title       plain text, never null (empty when the feed has none)
 * @param link        canonical absolute http(s) link with tracking parameters removed, or null
 * @param summary     plain text of the description/summary, never null
 * @param contentText plain text of the full content (content:encoded, atom:content), never null
 * @param author      author name or null
 * @param published   publication instant or null when the feed has no date
 * @param updated     last update instant or null
 * @param categories  categories as given by the feed
 * @param image       absolute http(s) image URL or null
 * @param topics      topic ids from the taxonomy (empty until classified)
 */
public record NewsItem(
    String guid,
    String title,
    String link,
    String summary,
    String contentText,
    String author,
    Instant published,
    Instant updated,
    List<String> categories,
    String image,
    List<String> topics) {

  public NewsItem {
    title = title == null ? "" : title;
    summary = summary == null ? "" : summary;
    contentText = contentText == null ? "" : contentText;
    categories = categories == null ? List.of() : List.copyOf(categories);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  public NewsItem withTopics(List<String> newTopics) {
    return new NewsItem(guid, title, link, summary, contentText, author, published, updated, categories, image, newTopics);
  }

  /** The id shown to people and tools: the guid when there is one, else the link. */
  public String displayId() {
    return guid != null && !guid.isBlank() ? guid : link;
  }

  /** Best known time of the story, for ordering only (never for deciding newness). */
  public Instant bestTime() {
    return published != null ? published : updated;
  }
}
