package dev.newswire.ops;

import dev.newswire.store.CategorizedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OPML subscription lists: reading (any OPML 1.0/2.0 export: Feedly, Inoreader, NetNewsWire, Miniflux, ...) and
 * writing OPML 2.0. Folders (outlines without xmlUrl) become categories; nested folders join with "/".
 */
public final class Opml {
  private Opml() {}

  /** Separator of nested folder names in a category. */
  public static final String CATEGORY_SEPARATOR = "/";

  /**
   * A feed outline.
   *
   * @param line     line of the outline in the file, for messages
   * @param title    the outline's title, else its text, else ""
   * @param url      xmlUrl as written (may be blank or invalid: validation is the importer's job)
   * @param category folder path or null
   */
  public record Entry(int line, String title, String url, String category) {}

  /** The file is not OPML we can read. */
  public static final class OpmlException extends Exception {
    public OpmlException(String message) {
      super(message);
    }
  }

  /** Reads every feed outline, in document order. Refuses DTDs, so no entity tricks (XXE, billion laughs). */
  public static List<Entry> read(InputStream in) throws OpmlException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    List<Entry> out = new ArrayList<>();
    Deque<String> folders = new ArrayDeque<>(); // one element per open outline; "" for a feed outline
    boolean sawOpml = false;
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(in);
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new OpmlException("line " + r.getLocation().getLineNumber()
              + ": the file has a DOCTYPE; OPML needs none and it is refused for safety");
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (!sawOpml) {
            if (!name.equalsIgnoreCase("opml")) {
              throw new OpmlException("line " + r.getLocation().getLineNumber() + ": the root element is <" + name
                  + ">, not <opml>; this is not an OPML file");
            }
            sawOpml = true;
            continue;
          }
          if (!name.equalsIgnoreCase("outline")) continue;
          String url = attr(r, "xmlUrl");
          String title = firstNonBlank(attr(r, "title"), attr(r, "text"));
          if (url != null) {
            out.add(new Entry(r.getLocation().getLineNumber(), title, url, category(folders)));
            folders.push("");
          } else {
            folders.push(title);
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equalsIgnoreCase("outline")) {
          folders.pop();
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new OpmlException((line > 0 ? "line " + line + ": " : "") + "not well-formed XML: " + clean(e.getMessage()));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to read
        }
      }
    }
    if (!sawOpml) throw new OpmlException("the file is empty; expected an OPML document");
    return out;
  }

  private static String attr(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) return r.getAttributeValue(i);
    }
    return null;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) return a.strip();
    if (b != null && !b.isBlank()) return b.strip();
    return "";
  }

  private static String category(Deque<String> folders) {
    List<String> names = new ArrayList<>();
    var it = folders.descendingIterator();
    while (it.hasNext()) {
      String n = it.next();
      if (!n.isEmpty()) names.add(n);
    }
    return names.isEmpty() ? null : String.join(CATEGORY_SEPARATOR, names);
  }

  private static String clean(String message) {
    if (message == null) return "";
    int i = message.indexOf("Message: ");
    return i >= 0 ? message.substring(i + 9).strip() : message.strip();
  }

  /** Writes OPML 2.0: uncategorised feeds first, then each category as nested outlines, in the order given. */
  public static void write(List<CategorizedFeed> feeds, String title, Writer w) throws IOException {
    Folder root = new Folder();
    for (CategorizedFeed cf : feeds) {
      Folder at = root;
      if (cf.category() != null && !cf.category().isBlank()) {
        for (String part : cf.category().split(CATEGORY_SEPARATOR)) {
          if (part.isBlank()) continue;
          at = at.children.computeIfAbsent(part.strip(), k -> new Folder());
        }
      }
      at.feeds.add(cf);
    }
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<opml version=\"2.0\">\n  <head>\n    <title>" + escape(title) + "</title>\n  </head>\n  <body>\n");
    writeFolder(root, 2, w);
    w.write("  </body>\n</opml>\n");
    w.flush();
  }

  private static final class Folder {
    final List<CategorizedFeed> feeds = new ArrayList<>();
    final Map<String, Folder> children = new LinkedHashMap<>();
  }

  private static void writeFolder(Folder folder, int depth, Writer w) throws IOException {
    String indent = "  ".repeat(depth);
    for (CategorizedFeed cf : folder.feeds) {
      String name = label(cf);
      w.write(indent + "<outline type=\"rss\" text=\"" + escape(name) + "\" title=\"" + escape(name)
          + "\" xmlUrl=\"" + escape(cf.feed().url()) + "\"/>\n");
    }
    for (Map.Entry<String, Folder> e : folder.children.entrySet()) {
      w.write(indent + "<outline text=\"" + escape(e.getKey()) + "\" title=\"" + escape(e.getKey()) + "\">\n");
      writeFolder(e.getValue(), depth + 1, w);
      w.write(indent + "</outline>\n");
    }
  }

  private static String label(CategorizedFeed cf) {
    String n = cf.feed().name();
    if (n != null && !n.isBlank()) return n;
    String t = cf.feed().title();
    return t != null && !t.isBlank() ? t : cf.feed().url();
  }

  /** Escapes text for an XML attribute or element; drops characters XML 1.0 cannot carry. */
  static String escape(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        case '\t' -> sb.append("&#9;");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /** A key under which two spellings of the same feed URL compare equal (scheme and host case, default port). */
  public static String urlKey(String url) {
    try {
      java.net.URI u = new java.net.URI(url.strip());
      if (u.getScheme() == null || u.getHost() == null) return url.strip();
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (java.net.URISyntaxException e) {
      return url.strip();
    }
  }
}
