package dev.newswire.support;

import dev.newswire.fakes.FakeFeedServer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RSS feeds on a FakeFeedServer that grow as a real feed does: each publish adds items on top (newest first). */
public final class GrowingFeeds {
  private final FakeFeedServer server;
  private final Clock clock;
  private final Map<String, List<String>> published = new HashMap<>();

  public GrowingFeeds(FakeFeedServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** Serves at {@code path} everything published there so far plus these items, the new ones first. */
  public void publish(String path, String... items) {
    List<String> all = published.computeIfAbsent(path, k -> new ArrayList<>());
    for (String it : items) all.add(0, it);
    server.feed(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + path
        + "</title><link>https://example.org/</link><description>d</description>" + String.join("", all)
        + "</channel></rss>");
  }

  /** An RSS item dated by the clock's now. */
  public String item(String guid, String title, String link, String summary) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC));
    return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title.replace("&", "&amp;")
        + "</title><link>" + link + "</link><pubDate>" + date + "</pubDate><description>"
        + summary.replace("&", "&amp;") + "</description></item>";
  }
}
