package dev.newswire.pipeline.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.module.DCModule;
import dev.newswire.news.NewsItem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One Rome entry to one {@link NewsItem}: the place where feed-format differences stop. */
final class EntryMapper {

  /**
   * What an entry needs to know about its feed.
   *
   * @param feedType Rome's feed type ("rss_1.0", "atom_1.0", ...)
   * @param feedLink the feed's own (absolute) site link, or null; a base for relative links
   * @param baseUri  the URI the document was fetched from, or null; the last base for relative links
   */
  record FeedContext(String feedType, String feedLink, String baseUri) {}

  private final HtmlText html = new HtmlText();
  private final LinkResolver resolver = new LinkResolver();
  private final LinkCanonicalizer canonicalizer = new LinkCanonicalizer();
  private final EntryDates dates = new EntryDates();
  private final AuthorName authorName = new AuthorName();
  private final EntryImageFinder images = new EntryImageFinder();

  NewsItem map(SyndEntry entry, FeedContext feed) {
    String absoluteLink = resolver.resolve(entry.getLink(), feed.feedLink(), feed.baseUri());
    String link = canonicalizer.canonicalize(absoluteLink);
    EntryDates.Dates when = dates.of(entry, feed.feedType());
    DCModule dc = (DCModule) entry.getModule(DCModule.URI);
    String summary = text(entry.getDescription());
    if (summary.isEmpty() && dc != null) {
      summary = html.toText(dc.getDescription());
    }
    String content = contentText(entry.getContents());
    return new NewsItem(
        guid(entry, feed.feedType()),
        title(entry, dc),
        link,
        summary.isEmpty() ? content : summary,
        content,
        author(entry),
        when.published(),
        when.updated(),
        categories(entry.getCategories()),
        images.find(entry, absoluteLink, feed.feedLink(), feed.baseUri()),
        List.of());
  }

  /** The feed's own identifier only: Rome falls back to the link, but "no id" must stay visible for de-duplication. */
  private static String guid(SyndEntry entry, String feedType) {
    Object wire = entry.getWireEntry();
    String id;
    if (wire instanceof Item item) {
      Guid guid = item.getGuid();
      // Rome fills Item.getUri() with the link for plain RSS; only RSS 1.0's rdf:about is a real identifier.
      String rdfAbout = "rss_1.0".equals(feedType) ? item.getUri() : null;
      id = guid != null && guid.getValue() != null && !guid.getValue().isBlank() ? guid.getValue() : rdfAbout;
    } else if (wire instanceof Entry atom) {
      id = atom.getId();
    } else {
      id = entry.getUri();
    }
    return id == null || id.isBlank() ? null : id.strip();
  }

  private String title(SyndEntry entry, DCModule dc) {
    String title = line(entry.getTitleEx(), entry.getTitle());
    return title.isEmpty() && dc != null ? html.toLine(dc.getTitle()) : title;
  }

  private String line(SyndContent titleEx, String fallback) {
    if (titleEx != null && isPlainText(titleEx.getType())) {
      return html.plainLine(titleEx.getValue());
    }
    return html.toLine(titleEx != null ? titleEx.getValue() : fallback);
  }

  private String text(SyndContent content) {
    if (content == null) {
      return "";
    }
    String value = nullToEmpty(content.getValue());
    if (isBinaryType(content.getType())) {
      // Atom: a media type that is neither text nor XML means the element holds base64
      value = base64Text(value);
    }
    return isPlainText(content.getType()) ? HtmlText.collapse(value) : html.toText(value);
  }

  private String contentText(List<SyndContent> contents) {
    List<String> parts = new ArrayList<>();
    for (SyndContent c : contents) {
      String t = text(c);
      if (!t.isEmpty()) {
        parts.add(t);
      }
    }
    return String.join("\n", parts);
  }

  private String author(SyndEntry entry) {
    String raw = entry.getAuthor();
    if (raw == null || raw.isBlank()) {
      raw = entry.getAuthors().stream().map(SyndPerson::getName).filter(n -> n != null && !n.isBlank()).findFirst()
          .orElse(null);
    }
    String name = authorName.displayName(raw);
    if (name == null) {
      return null;
    }
    String plain = html.toLine(name);
    return plain.isEmpty() ? null : plain;
  }

  private List<String> categories(List<SyndCategory> categories) {
    Set<String> out = new LinkedHashSet<>();
    for (SyndCategory c : categories) {
      String name = html.toLine(c.getName());
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /** Atom says "text" (Rome also passes "text/plain"); markup in such a value is literal and must stay. */
  private static boolean isPlainText(String type) {
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.equals("text") || t.equals("text/plain");
  }

  private static boolean isBinaryType(String type) {
    if (type == null || type.indexOf('/') < 0) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return !t.startsWith("text/") && !t.contains("xml") && !t.contains("html");
  }

  private static String base64Text(String value) {
    try {
      return new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
