package dev.newswire.pipeline.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parsed HTML fragments of the entry being mapped, so that one entry's content is parsed by jsoup once, not once
 * for its text and again for its first image. Callers only read the documents. The cache is per thread, holds the
 * last few fragments, and lives only while {@link FeedParser} parses one feed.
 */
final class HtmlFragments {

  private static final int SIZE = 4;
  private static final ThreadLocal<Object[]> RECENT = new ThreadLocal<>();

  private HtmlFragments() {}

  static Document parse(String html) {
    Object[] recent = RECENT.get();
    if (recent == null) {
      return Jsoup.parseBodyFragment(html); // outside FeedParser.parse: no cache
    }
    for (int i = 0; i < SIZE; i++) {
      Object key = recent[i * 2];
      if (key != null && (key == html || key.equals(html))) {
        return (Document) recent[i * 2 + 1];
      }
    }
    Document doc = Jsoup.parseBodyFragment(html);
    int slot = recent[SIZE * 2] == null ? 0 : (Integer) recent[SIZE * 2];
    recent[slot * 2] = html;
    recent[slot * 2 + 1] = doc;
    recent[SIZE * 2] = (slot + 1) % SIZE;
    return doc;
  }

  /** Starts caching on this thread, until {@link #clear()}. */
  static void open() {
    RECENT.set(new Object[SIZE * 2 + 1]);
  }

  static void clear() {
    RECENT.remove();
  }
}
