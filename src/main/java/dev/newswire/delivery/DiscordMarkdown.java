package dev.newswire.delivery;

import dev.newswire.text.Shortener;
import dev.newswire.text.VisibleText;

/**
 * Makes feed text display literally in Discord: markdown is backslash-escaped and mentions are broken.
 * {@code allowed_mentions} already stops pings, but an unbroken {@code <@123>} or {@code @everyone}
 * would still render as a highlighted mention and mislead readers.
 */
public final class DiscordMarkdown {

  static final char ZWSP = '\u200B';
  private static final String ALWAYS_ESCAPED = "\\*_~`|>#[]";

  private DiscordMarkdown() {}

  /** Cleaned, escaped and shortened to {@code max} characters. */
  public static String fit(String feedText, int max) {
    return Shortener.shortenEscaped(VisibleText.clean(feedText), max, DiscordMarkdown::escape);
  }

  /** Like {@link #fit} but on one line (titles, field names, footers). */
  public static String fitLine(String feedText, int max) {
    return Shortener.shortenEscaped(VisibleText.oneLine(feedText), max, DiscordMarkdown::escape);
  }

  /** Escapes text that has already been cleaned of invisible characters. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ALWAYS_ESCAPED.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (lineStart && (c == '-' || c == '+') ) {
        out.append('\\').append(c); // would start a list
      } else if (lineStart && Character.isDigit(c) && startsOrderedList(text, i)) {
        int dot = i;
        while (Character.isDigit(text.charAt(dot))) {
          dot++;
        }
        out.append(text, i, dot).append("\\.");
        i = dot;
      } else if (c == '<' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
        out.append(c).append(ZWSP); // <@id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>, <t:…>
      } else if (c == '@' && (text.startsWith("everyone", i + 1) || text.startsWith("here", i + 1))) {
        out.append(c).append(ZWSP);
      } else {
        out.append(c);
      }
      if (c == '\n') {
        lineStart = true;
      } else if (c != ' ') {
        lineStart = false;
      }
    }
    return out.toString();
  }

  private static boolean startsOrderedList(String text, int i) {
    int j = i;
    while (j < text.length() && Character.isDigit(text.charAt(j))) {
      j++;
    }
    return j + 1 < text.length() && text.charAt(j) == '.' && text.charAt(j + 1) == ' ';
  }
}
