package dev.newswire.pipeline.parse;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML fragment to plain text. Feed text is HTML more often than not (even in RSS titles), and chat platforms want
 * plain text, so every text field goes through here. Paragraph-like breaks survive as newlines so a summary
 * stays readable; everything else collapses to single spaces.
 */
public final class HtmlText {

  /** Plain text with block boundaries as single newlines; null gives "". */
  public String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return collapse(html);
    }
    Element body = HtmlFragments.parse(unwrapCdata(html)).body();
    StringBuilder raw = new StringBuilder(html.length());
    NodeTraversor.traverse(new TextCollector(raw), body);
    return collapse(raw.toString());
  }

  /** Plain text on one line (titles, names). */
  public String toLine(String html) {
    return toText(html).replace('\n', ' ');
  }

  /** Collapse whitespace of text that is already plain (no markup interpretation). */
  public String plainLine(String text) {
    return text == null ? "" : collapse(text).replace('\n', ' ');
  }

  /**
   * HTML parsers read "&lt;![CDATA[" as a bogus comment and drop the text. It reaches us when a feed nests CDATA
   * or Rome hands over Atom 0.3 XML content verbatim; the wrapped text is what the author meant.
   */
  private static String unwrapCdata(String html) {
    if (!html.contains("<![CDATA[")) {
      return html;
    }
    return html.replace("<![CDATA[", "").replace("]]>", "");
  }

  /** Most titles and many summaries need no change; checking is cheaper than rebuilding them. */
  private static boolean alreadyCollapsed(String s) {
    int n = s.length();
    if (n == 0) return true;
    char prev = ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (prev == ' ') return false; // leading space or a run of spaces
      } else if (c < 0x21 || c == '\u00a0' || c == '\u200b' || c == '\u2028' || c == '\u2029'
          || (c > 0x7f && Character.isWhitespace(c))) {
        return false;
      }
      prev = c;
    }
    return prev != ' ';
  }

  /** Runs of spaces become one space, runs of line breaks one newline, and the ends are trimmed. */
  static String collapse(String s) {
    if (alreadyCollapsed(s)) return s;
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        pendingBreak = true;
      } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
        pendingSpace = true;
      } else {
        if (out.length() > 0) {
          if (pendingBreak) {
            out.append('\n');
          } else if (pendingSpace) {
            out.append(' ');
          }
        }
        pendingSpace = false;
        pendingBreak = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  private record TextCollector(StringBuilder out) implements NodeVisitor {
    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        out.append(text.getWholeText().replace('\n', ' ').replace('\r', ' '));
      } else if (node instanceof Element el) {
        if (el.normalName().equals("br")) {
          out.append('\n');
        } else if (isBreaking(el)) {
          out.append('\n');
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el && isBreaking(el)) {
        out.append('\n');
      } else if (node instanceof Element el && (el.normalName().equals("td") || el.normalName().equals("th"))) {
        out.append(' ');
      }
    }

    private static boolean isBreaking(Element el) {
      return el.isBlock() && !el.normalName().equals("span") && !el.normalName().equals("body");
    }
  }
}
