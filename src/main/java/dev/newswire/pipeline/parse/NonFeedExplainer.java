package dev.newswire.pipeline.parse;

import com.rometools.rome.io.ParsingFeedException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.SAXParseException;

/**
 * Words for the admin when a body is not a feed: what came back and what to check. Parser internals (class names,
 * stack traces) mean nothing to the person who typed the URL, so they never reach the message.
 */
final class NonFeedExplainer {

  private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
  private static final int MAX_DETAIL = 160;

  /** Diagnoses bodies that are obviously not XML feeds, before spending a parse on them. */
  Optional<String> beforeParsing(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.of("The server returned an empty response instead of a feed. Check the URL, and try again later "
          + "in case the site was having trouble.");
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      return Optional.of("The server returned JSON, not an RSS/Atom feed. If this is a JSON Feed, look for an RSS or "
          + "Atom version of it on the site; Newswire reads RSS and Atom only.");
    }
    if (!t.startsWith("<")) {
      return Optional.of("The server returned plain text, not an RSS/Atom feed (it starts with \"" + snippet(t) + "\"). "
          + "Check the URL points at the feed itself.");
    }
    String root = rootElement(t);
    if (root != null && root.equalsIgnoreCase("html") || t.regionMatches(true, 0, "<!DOCTYPE html", 0, 14)) {
      return Optional.of(htmlMessage());
    }
    return Optional.empty();
  }

  /** Explains a failure of the XML parser or of Rome's format detection. */
  String afterFailure(Exception e, String text) {
    String root = rootElement(text);
    if (root != null && (root.equalsIgnoreCase("html") || root.equalsIgnoreCase("body") || root.equalsIgnoreCase("head"))) {
      return htmlMessage();
    }
    if (root == null) {
      return "The server returned a document with no XML elements in it (empty or only comments), not a feed. "
          + "Check the URL, and try again later in case the site was having trouble.";
    }
    SAXParseException sax = findCause(e, SAXParseException.class);
    String detail = sax != null ? sax.getMessage() : e.getMessage();
    if (detail != null && (detail.contains("must start and end within the same entity") || detail.contains("Premature end of file")
        || (sax != null && root != null && !endsWithClosingTag(text, root)))) {
      return "The feed ends before the document is complete (the XML is cut off). The download may have been "
          + "interrupted or the server truncated it; if this keeps happening, tell the site's owner.";
    }
    if (sax == null && e instanceof ParsingFeedException) {
      // Well-formed XML that Rome recognised but could not map: required elements missing or misplaced
      return "The document looks like a feed (root element <" + root + ">) but its structure is not valid RSS/Atom, "
          + "for example a missing <channel> or an unknown version or namespace. Tell the site's owner, or use a "
          + "different feed URL.";
    }
    if (sax != null || e instanceof ParsingFeedException) {
      String where = position(e, sax);
      return "The feed is not well-formed XML" + where + ": " + shorten(detail) + " Feed readers cannot read it as "
          + "RSS/Atom; tell the site's owner, or use a different feed URL.";
    }
    if (!root.isEmpty()) {
      return "The document is XML but not an RSS or Atom feed (its root element is <" + root + ">). Check the URL "
          + "points at the feed itself (look for a link rel=alternate type=application/rss+xml on the site).";
    }
    return "The feed could not be read as RSS or Atom: " + shorten(detail) + " Check the URL points at the feed itself.";
  }

  /** A parse error in a document that does not end with its root's end tag is almost always a cut-off download. */
  private static boolean endsWithClosingTag(String text, String root) {
    return Pattern.compile("</\\s*" + Pattern.quote(root) + "\\s*>\\s*$").matcher(text).find();
  }

  private static String htmlMessage() {
    return "The server returned an HTML page, not an RSS/Atom feed. Check the URL points at the feed itself "
        + "(look for a link rel=alternate type=application/rss+xml on the page).";
  }

  /** The first element's name, skipping the prolog (comments, processing instructions, doctype). */
  static String rootElement(String text) {
    Matcher m = FIRST_ELEMENT.matcher(text);
    int from = 0;
    while (m.find(from)) {
      int start = m.start();
      if (inComment(text, start)) {
        from = text.indexOf("-->", start) < 0 ? text.length() : text.indexOf("-->", start);
        if (from >= text.length()) {
          return null;
        }
        continue;
      }
      return m.group(1);
    }
    return null;
  }

  private static boolean inComment(String text, int pos) {
    int open = text.lastIndexOf("<!--", pos);
    return open >= 0 && text.indexOf("-->", open) > pos;
  }

  private static String position(Exception e, SAXParseException sax) {
    int line = sax != null ? sax.getLineNumber() : e instanceof ParsingFeedException p ? p.getLineNumber() : -1;
    int col = sax != null ? sax.getColumnNumber() : e instanceof ParsingFeedException p ? p.getColumnNumber() : -1;
    return line > 0 ? " (line " + line + (col > 0 ? ", column " + col : "") + ")" : "";
  }

  private static String shorten(String s) {
    if (s == null || s.isBlank()) {
      return "no details";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    int colon = one.indexOf("Exception: ");
    if (colon >= 0) {
      one = one.substring(colon + "Exception: ".length());
    }
    one = one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "...";
    return one.endsWith(".") ? one : one + ".";
  }

  private static String snippet(String t) {
    String one = t.replaceAll("\\s+", " ");
    return one.length() <= 40 ? one : one.substring(0, 40) + "...";
  }

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
