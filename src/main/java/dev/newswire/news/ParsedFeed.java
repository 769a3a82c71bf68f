package dev.newswire.news;

import java.util.List;

/** A feed document after parsing: its own title and link, and the items in document order. */
public record ParsedFeed(String title, String link, String feedType, List<NewsItem> items) {
  public ParsedFeed {
    title = title == null ? "" : title;
    items = items == null ? List.of() : List.copyOf(items);
  }
}
