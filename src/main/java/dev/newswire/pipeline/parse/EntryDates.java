package dev.newswire.pipeline.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * Publication and update times of one entry, read from the wire entry rather than Rome's SyndEntry: Rome folds
 * pubDate and dc:date into one value, while we keep "first published" and "last changed" apart (feedparser's
 * reading: RSS pubDate and dcterms:issued are published; dc:date and dcterms:modified are updated).
 */
final class EntryDates {

  private static final String DCTERMS = "http://purl.org/dc/terms/";

  record Dates(Instant published, Instant updated) {}

  Dates of(SyndEntry entry, String feedType) {
    Object wire = entry.getWireEntry();
    if (wire instanceof Item item) {
      Instant published = firstNonNull(instant(item.getPubDate()), foreignDate(item.getForeignMarkup(), "issued"),
          foreignDate(item.getForeignMarkup(), "created"));
      DCModule dc = (DCModule) item.getModule(DCModule.URI);
      Instant updated = firstNonNull(dc == null ? null : instant(dc.getDate()),
          foreignDate(item.getForeignMarkup(), "modified"));
      return new Dates(published, updated);
    }
    if (wire instanceof Entry atom && "atom_0.3".equals(feedType)) {
      // Atom 0.3: we follow Rome, which reports <modified> as the published date; <issued>/<created> only fill gaps.
      Instant published = firstNonNull(instant(entry.getPublishedDate()), instant(atom.getIssued()), instant(atom.getCreated()));
      return new Dates(published, firstNonNull(instant(entry.getUpdatedDate()), instant(atom.getModified())));
    }
    if (wire instanceof Entry atom) {
      return new Dates(instant(atom.getPublished()), instant(atom.getUpdated()));
    }
    return new Dates(instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()));
  }

  private static Instant foreignDate(List<Element> markup, String name) {
    if (markup == null) {
      return null;
    }
    for (Element e : markup) {
      if (name.equals(e.getName()) && DCTERMS.equals(e.getNamespaceURI())) {
        Date d = DateParser.parseDate(e.getTextTrim(), Locale.US);
        if (d != null) {
          return d.toInstant();
        }
      }
    }
    return null;
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
