package dev.newswire.pipeline.parse;

import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.fetch.FetchRequest;
import dev.newswire.pipeline.fetch.FetchResult;
import dev.newswire.news.ParsedFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a URL an admin wants to add: fetched through the same guarded {@link FeedFetcher} (address rules, size and
 * time caps) and {@link FeedParser} as polling. For an HTML page, finds the feeds it links to.
 */
public final class FeedProbe {

  /**
   * @param feed       the parsed feed when the URL is one
   * @param error      why it is not usable (the fetcher's or parser's words), or null
   * @param alternates feeds an HTML page links to (rel=alternate RSS/Atom), when it is not a feed itself
   */
  public record Result(ParsedFeed feed, String error, List<String> alternates) {
    public boolean ok() {
      return feed != null;
    }
  }

  private final FeedFetcher fetcher;
  private final FeedParser parser;

  public FeedProbe(FeedFetcher fetcher, FeedParser parser) {
    this.fetcher = fetcher;
    this.parser = parser;
  }

  /** The guarded fetcher behind the probe, for other admin downloads (OPML files). */
  public FeedFetcher fetcher() {
    return fetcher;
  }

  public Result probe(URI url) {
    FetchResult fetched = fetcher.fetch(FetchRequest.fresh(url));
    if (fetched.failed() || fetched.body() == null) {
      return new Result(null, fetched.error() == null ? "Nothing came back from " + url : fetched.error(), List.of());
    }
    URI base = fetched.finalUri() != null ? fetched.finalUri() : url;
    try {
      return new Result(parser.parse(fetched.body(), fetched.contentType(), base), null, List.of());
    } catch (FeedParseException e) {
      return new Result(null, e.getMessage(), alternates(fetched.body(), base));
    }
  }

  static List<String> alternates(byte[] body, URI base) {
    try {
      Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), base.toString());
      Set<String> out = new LinkedHashSet<>();
      for (Element link : doc.select("link[rel~=(?i)\\balternate\\b][type~=(?i)application/(rss|atom)\\+xml][href]")) {
        String href = link.attr("abs:href");
        if (href.startsWith("http://") || href.startsWith("https://")) out.add(href);
        if (out.size() >= 5) break;
      }
      return new ArrayList<>(out);
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
