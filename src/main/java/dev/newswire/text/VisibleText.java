package dev.newswire.text;

/**
 * Removes characters that are invisible or that can break a chat client's layout, keeping everything a
 * reader can see: letters of any script (RTL included), emoji and their joiners.
 */
public final class VisibleText {

  private VisibleText() {}

  /**
   * Strips control characters (keeping line breaks), zero-width spaces, BOMs, soft hyphens and bidi
   * embedding/override/isolate controls (they can flip the direction of everything after them, including
   * our own labels), and lone surrogates (they make the JSON unencodable). Keeps U+200D (ZWJ, needed by
   * emoji sequences) and U+200C (ZWNJ, part of Persian spelling) and the LRM/RLM marks, which only affect
   * neutral characters next to them. Collapses runs of spaces and more than one blank line.
   */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          flushSpace(out, pendingSpace, newlines);
          pendingSpace = false;
          newlines = 0;
          out.append(c).append(text.charAt(++i));
        }
        continue;
      }
      if (Character.isLowSurrogate(c) || isInvisible(c)) {
        continue;
      }
      if (c == '\n') {
        newlines++;
        pendingSpace = false;
        continue;
      }
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\r') {
        newlines++;
        pendingSpace = false;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        if (newlines == 0) {
          pendingSpace = true;
        }
        continue;
      }
      flushSpace(out, pendingSpace, newlines);
      pendingSpace = false;
      newlines = 0;
      out.append(c);
    }
    return out.toString();
  }

  /** Same as {@link #clean} and then joins all lines into one. */
  public static String oneLine(String text) {
    return clean(text).replace('\n', ' ');
  }

  private static void flushSpace(StringBuilder out, boolean pendingSpace, int newlines) {
    if (out.length() == 0) {
      return;
    }
    if (newlines > 0) {
      out.append(newlines > 1 ? "\n\n" : "\n");
    } else if (pendingSpace) {
      out.append(' ');
    }
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B' // zero-width space
        || c == '\u00AD' // soft hyphen
        || c == '\u180E' // Mongolian vowel separator, rendered zero-width
        || c == '\uFEFF' // BOM / zero-width no-break space
        || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
        || (c >= '\u2060' && c <= '\u2064') // word joiner, invisible operators
        || (c >= '\u2066' && c <= '\u2069') // bidi isolates
        || (c >= '\u206A' && c <= '\u206F') // deprecated format controls
        || (c >= '\uFFF9' && c <= '\uFFFB') // interlinear annotation controls
        || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }
}
