package dev.newswire.pipeline.parse;

import java.util.Locale;
import org.jdom2.Verifier;
import org.jsoup.nodes.Entities;

/**
 * Repairs the common ways real feeds are not quite XML, and removes the DOCTYPE. Removing the DOCTYPE is the
 * security boundary: with no DTD there are no external entities (XXE) and no entity expansion (billion laughs),
 * whatever the parser settings, and feeds that carry one (RSS 0.91 Netscape) still parse. The text is already
 * decoded, so the XML declaration goes too: its encoding no longer applies and, after a comment, it is illegal.
 */
final class XmlCleaner {

  private static final int MAX_ENTITY_NAME = 32;

  String clean(String text) {
    String s = dropLeadingJunk(text);
    s = dropNonXmlCharacters(s);
    s = dropDeclarationAndDoctype(s);
    s = closeLastTag(s);
    return fixEntities(s);
  }

  /** BOMs, blank lines and stray bytes before the first tag make strict parsers give up. */
  private static String dropLeadingJunk(String s) {
    int lt = s.indexOf('<');
    return lt <= 0 ? s : s.substring(lt);
  }

  private static String dropNonXmlCharacters(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      // Almost every character is in this range; only the rest needs the code-point check below.
      if ((c >= 0x20 && c < 0xD800) || c == '\n' || c == '\r' || c == '\t') continue;
      return dropNonXmlCharactersFrom(s, i);
    }
    return s;
  }

  private static String dropNonXmlCharactersFrom(String s, int start) {
    StringBuilder out = null;
    for (int i = start; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!Verifier.isXMLCharacter(cp)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? s : out.toString();
  }

  /** A final "&lt;/rss" without its '&gt;' (seen in the wild and in feedparser's tests) is the only cut-off we repair. */
  private static String closeLastTag(String s) {
    String t = s.stripTrailing();
    int lt = t.lastIndexOf("</");
    if (lt >= 0 && t.indexOf('>', lt) < 0 && t.substring(lt + 2).matches("[A-Za-z_][\\w.:-]*")) {
      return t + ">";
    }
    return s;
  }

  /** Walks the prolog only (before the root element), so a "<!DOCTYPE" inside content is never touched. */
  private static String dropDeclarationAndDoctype(String s) {
    StringBuilder prolog = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      prolog.append(s, start, i);
      if (s.startsWith("<?", i)) {
        int end = s.indexOf("?>", i);
        if (end < 0) {
          break;
        }
        if (!isXmlDeclaration(s, i)) {
          prolog.append(s, i, end + 2);
        }
        i = end + 2;
      } else if (s.startsWith("<!--", i)) {
        int end = s.indexOf("-->", i + 4);
        if (end < 0) {
          break;
        }
        prolog.append(s, i, end + 3);
        i = end + 3;
      } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        i = endOfDoctype(s, i);
      } else {
        break;
      }
    }
    return prolog.append(s, i, s.length()).toString();
  }

  private static boolean isXmlDeclaration(String s, int i) {
    return s.regionMatches(true, i, "<?xml", 0, 5) && i + 5 < s.length() && Character.isWhitespace(s.charAt(i + 5));
  }

  /** Index just after the DOCTYPE, skipping an internal subset and quoted strings that may contain '>'. */
  private static int endOfDoctype(String s, int i) {
    int depth = 0;
    char quote = 0;
    for (int j = i + 9; j < s.length(); j++) {
      char c = s.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == '>' && depth == 0) {
        return j + 1;
      }
    }
    return s.length();
  }

  /**
   * HTML named entities (&amp;nbsp;) become numeric references, and anything that cannot be a reference becomes a
   * literal ampersand. Entities the (removed) DOCTYPE would have defined stay visible as text, never expanded.
   */
  /**
   * Copies the text in runs between references (most of a feed is plain text, and per-character appends made this
   * pass a large part of the parse time); CDATA sections and comments are passed over untouched.
   */
  private static String fixEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 64);
    int copied = 0;
    int pos = 0;
    int markup = s.indexOf("<!");
    while (true) {
      int amp = s.indexOf('&', pos);
      if (amp < 0) break;
      if (markup >= 0 && markup < amp) {
        pos = endOfUntouched(s, markup);
        markup = s.indexOf("<!", pos);
        continue;
      }
      out.append(s, copied, amp);
      copied = fixReference(s, amp, out);
      pos = copied;
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** Just past a CDATA section or comment starting at i (the end of the text if unterminated); else past "<!". */
  private static int endOfUntouched(String s, int i) {
    String terminator = s.startsWith("<![CDATA[", i) ? "]]>" : s.startsWith("<!--", i) ? "-->" : null;
    if (terminator == null) return i + 2;
    int end = s.indexOf(terminator, i + 4);
    return end < 0 ? s.length() : end + terminator.length();
  }

  private static int fixReference(String s, int amp, StringBuilder out) {
    int semi = -1;
    for (int j = amp + 1; j < s.length() && j <= amp + 1 + MAX_ENTITY_NAME + 1; j++) {
      char c = s.charAt(j);
      if (c == ';') {
        semi = j;
        break;
      }
      if (!(Character.isLetterOrDigit(c) || c == '#' || c == '_' || c == '.' || c == '-')) {
        break;
      }
    }
    if (semi < 0 || semi == amp + 1) {
      out.append("&amp;");
      return amp + 1;
    }
    if (isPredefined(s, amp + 1, semi)) {
      out.append(s, amp, semi + 1);
      return semi + 1;
    }
    String name = s.substring(amp + 1, semi);
    if (name.startsWith("#")) {
      int cp = numericValue(name);
      if (cp >= 0 && Verifier.isXMLCharacter(cp)) {
        out.append("&#").append(cp).append(';');
      } else if (cp < 0) {
        out.append("&amp;");
        return amp + 1;
      }
      // a reference to a character XML forbids (&#0;) would abort the parse: drop it
      return semi + 1;
    }
    switch (name) {
      case "amp", "lt", "gt", "quot", "apos" -> out.append('&').append(name).append(';');
      default -> {
        String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
        if (value.isEmpty()) {
          String lower = name.toLowerCase(Locale.ROOT);
          value = !lower.equals(name) && Entities.isNamedEntity(lower) ? Entities.getByName(lower) : "";
        }
        if (value.isEmpty()) {
          out.append("&amp;");
          return amp + 1;
        }
        value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
      }
    }
    return semi + 1;
  }

  /** amp, lt, gt, quot, apos: by far the most common references, kept without building a string. */
  private static boolean isPredefined(String s, int from, int semi) {
    int len = semi - from;
    return (len == 3 && (s.startsWith("amp", from)))
        || (len == 2 && (s.startsWith("lt", from) || s.startsWith("gt", from)))
        || (len == 4 && (s.startsWith("quot", from) || s.startsWith("apos", from)));
  }

  private static int numericValue(String name) {
    try {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      String digits = name.substring(hex ? 2 : 1);
      if (digits.isEmpty() || digits.length() > 8) {
        return -1;
      }
      return Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
