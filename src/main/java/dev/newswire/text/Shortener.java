package dev.newswire.text;

import java.util.function.UnaryOperator;

/** Cuts text to a length limit at a word boundary and marks the cut with "…". */
public final class Shortener {

  public static final String ELLIPSIS = "…";

  private Shortener() {}

  /**
   * Returns {@code text} unchanged when it fits, else a prefix ending at a word boundary plus "…",
   * never longer than {@code max} UTF-16 units. Lengths are counted in UTF-16 units because that is
   * what the platforms' limits count (JDA and Slack both measure {@code String.length()}), and it
   * never undercounts code points. Surrogate pairs are never split.
   */
  public static String shorten(String text, int max) {
    if (text == null || max <= 0) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    if (max == 1) {
      return ELLIPSIS;
    }
    int limit = max - ELLIPSIS.length();
    int cut = limit;
    if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    int space = lastWhitespaceAtOrBefore(text, cut);
    // A word boundary far back would throw away most of the allowance (one giant "word", e.g. a URL);
    // then a hard cut reads better.
    if (space > limit / 2) {
      cut = space;
    }
    int end = cut;
    while (end > 0 && isTrailingJunk(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  /**
   * Shortens {@code text} so that {@code escaper.apply(result)} fits {@code max}: escaping grows the text
   * unpredictably (entities, backslashes), and cutting after escaping could split an escape sequence.
   */
  public static String shortenEscaped(String text, int max, UnaryOperator<String> escaper) {
    if (text == null || max <= 0) {
      return "";
    }
    int budget = Math.min(max, text.length());
    while (budget > 0) {
      String escaped = escaper.apply(shorten(text, budget));
      if (escaped.length() <= max) {
        return escaped;
      }
      int proportional = (int) ((long) budget * max / escaped.length());
      budget = Math.min(budget - 1, proportional);
    }
    return "";
  }

  private static int lastWhitespaceAtOrBefore(String text, int index) {
    for (int i = index; i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isTrailingJunk(char c) {
    return Character.isWhitespace(c) || c == ',' || c == ';' || c == ':' || c == '-' || c == '–' || c == '—'
        || c == '(' || c == '[';
  }
}
