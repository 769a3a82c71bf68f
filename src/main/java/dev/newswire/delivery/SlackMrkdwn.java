package dev.newswire.delivery;

import dev.newswire.text.Shortener;
import dev.newswire.text.VisibleText;

/**
 * Makes feed text display literally in Slack.
 *
 * <p>{@code &}, {@code <} and {@code >} become entities, so feed text can never form {@code <!channel>},
 * {@code <@U123>} or {@code <http://x|y>}, nor start a quote. Bare {@code @channel}/{@code @here}/
 * {@code @everyone} get a zero-width space. Slack has no escape for {@code * _ ~ `}, so in mrkdwn those
 * are swapped for look-alikes, but only where they touch a non-word character and could open or close
 * formatting: {@code snake_case} and {@code 2*3} stay as they are.
 */
public final class SlackMrkdwn {

  private static final char ZWSP = '\u200B';

  private SlackMrkdwn() {}

  /** Cleaned, escaped for a mrkdwn text object and shortened to {@code max} characters. */
  public static String fit(String feedText, int max) {
    return Shortener.shortenEscaped(VisibleText.clean(feedText), max, SlackMrkdwn::escape);
  }

  public static String fitLine(String feedText, int max) {
    return Shortener.shortenEscaped(VisibleText.oneLine(feedText), max, SlackMrkdwn::escape);
  }

  /** For plain_text objects (header, button): only the control characters and mentions. */
  public static String fitPlain(String feedText, int max) {
    return Shortener.shortenEscaped(VisibleText.oneLine(feedText), max, SlackMrkdwn::escapeControl);
  }

  public static String escape(String text) {
    String control = escapeControl(text);
    StringBuilder out = new StringBuilder(control.length());
    for (int i = 0; i < control.length(); i++) {
      char c = control.charAt(i);
      if ("*_~`".indexOf(c) >= 0 && touchesNonWord(control, i)) {
        out.append(lookalike(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static String escapeControl(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> {
          out.append(c);
          if (text.startsWith("channel", i + 1) || text.startsWith("here", i + 1)
              || text.startsWith("everyone", i + 1)) {
            out.append(ZWSP);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean touchesNonWord(String s, int i) {
    boolean before = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    boolean after = i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1));
    return before || after;
  }

  private static char lookalike(char c) {
    return switch (c) {
      case '*' -> '∗'; // U+2217 asterisk operator
      case '_' -> '＿'; // U+FF3F fullwidth low line
      case '~' -> '∼'; // U+223C tilde operator
      default -> 'ˋ'; // U+02CB modifier grave accent, for `
    };
  }
}
