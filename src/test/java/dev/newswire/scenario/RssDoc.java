package dev.newswire.scenario;

import java.util.ArrayList;
import java.util.List;

/** Builds small RSS 2.0 documents for scenario tests. */
final class RssDoc {
  record Entry(String guid, String title, String link, String pubDate) {}

  private final List<Entry> entries = new ArrayList<>();

  static RssDoc rss() {
    return new RssDoc();
  }

  RssDoc item(String guid, String title, String link, String pubDate) {
    entries.add(new Entry(guid, title, link, pubDate));
    return this;
  }

  String xml() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        + "<title>Test feed</title><link>https://news.example/</link><description>d</description>\n");
    for (Entry e : entries) {
      sb.append("<item>");
      if (e.guid() != null) sb.append("<guid isPermaLink=\"false\">").append(e.guid()).append("</guid>");
      sb.append("<title>").append(e.title()).append("</title>");
      if (e.link() != null) sb.append("<link>").append(e.link()).append("</link>");
      if (e.pubDate() != null) sb.append("<pubDate>").append(e.pubDate()).append("</pubDate>");
      sb.append("<description>About ").append(e.title()).append(".</description></item>\n");
    }
    return sb.append("</channel></rss>").toString();
  }
}
