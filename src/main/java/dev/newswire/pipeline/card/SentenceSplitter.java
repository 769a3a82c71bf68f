package dev.newswire.pipeline.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits plain text into sentences with rules tuned for tech news: abbreviations, dotted acronyms,
 * version numbers and model names ("GPT-4.5", "Llama 3.1"), initials, and closing quotes.
 *
 * <p>A blank line always ends a sentence (paragraph break); a single line break does not, because
 * feeds hard-wrap paragraphs.
 */
public final class SentenceSplitter {

  /** Abbreviations that are practically never the last word of a sentence. */
  private static final Set<String> NEVER_FINAL = Set.of(
      "e.g", "i.e", "cf", "vs", "viz", "al", "approx", "ca", "dr", "mr", "mrs", "ms", "prof", "sr", "jr",
      "st", "mt", "gen", "gov", "sen", "rep", "rev", "no", "nos", "fig", "figs", "eq", "vol", "pp", "ch",
      "sec", "art", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /**
   * Abbreviations that often end a sentence too ("…acquired by Acme Inc. The deal…"): they end one only
   * when the next word is a typical sentence opener.
   */
  private static final Set<String> SOMETIMES_FINAL = Set.of(
      "inc", "ltd", "corp", "co", "llc", "plc", "gmbh", "bros", "etc", "u.s", "u.k", "e.u", "u.n", "a.m",
      "p.m", "ph.d", "jr", "d.c");

  private static final Set<String> OPENERS = Set.of(
      "the", "this", "that", "these", "those", "it", "its", "we", "they", "he", "she", "i", "in", "on", "at",
      "but", "and", "a", "an", "as", "for", "if", "our", "their", "his", "her", "there", "then", "today",
      "now", "after", "when", "while", "with", "however", "meanwhile", "also", "so", "yet");

  private static final String CLOSERS = "\"'”’»)]}";

  public List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return sentences;
    }
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    int start = 0;
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == '\n' && isBlankLineAt(normalized, i)) {
        add(sentences, normalized.substring(start, i));
        i = skipWhitespace(normalized, i);
        start = i;
        continue;
      }
      if (c == '.' || c == '!' || c == '?' || c == '…') {
        int end = i + 1;
        while (end < n && ".!?…".indexOf(normalized.charAt(end)) >= 0) {
          end++;
        }
        while (end < n && CLOSERS.indexOf(normalized.charAt(end)) >= 0) {
          end++;
        }
        if (isBoundary(normalized, start, i, end)) {
          add(sentences, normalized.substring(start, end));
          i = skipWhitespace(normalized, end);
          start = i;
          continue;
        }
        i = end;
        continue;
      }
      i++;
    }
    add(sentences, normalized.substring(start));
    return sentences;
  }

  /**
   * @param mark index of the first terminal punctuation mark
   * @param end  index just past the punctuation and any closing quotes/brackets
   */
  private boolean isBoundary(String text, int sentenceStart, int mark, int end) {
    if (end >= text.length()) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(end))) {
      return false; // "3.5", "GPT-4.5", "example.com", "Yahoo!'s"
    }
    int next = skipWhitespace(text, end);
    if (next >= text.length()) {
      return true;
    }
    char first = text.charAt(next);
    if (Character.isLowerCase(first)) {
      return false; // '"Really?" she asked' or an abbreviation mid-sentence
    }
    if (!Character.isLetterOrDigit(first) && "\"'“‘([".indexOf(first) < 0) {
      return !isPunctuationContinuation(first);
    }
    if (text.charAt(mark) != '.' || end - mark > 1 && text.charAt(mark + 1) == '.') {
      return true; // ! ? … and "..." always end a sentence before a capital
    }
    String word = wordBefore(text, sentenceStart, mark).toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      return true;
    }
    if (NEVER_FINAL.contains(word)) {
      return false;
    }
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return false; // initials: "J. K. Rowling", "Jensen H. Huang"
    }
    boolean dottedAcronym = word.matches("(\\p{L}\\.)+\\p{L}");
    if (SOMETIMES_FINAL.contains(word) || dottedAcronym) {
      return OPENERS.contains(nextWord(text, next).toLowerCase(Locale.ROOT));
    }
    return true;
  }

  private static boolean isPunctuationContinuation(char c) {
    return c == ',' || c == ';' || c == ':' || c == ')' || c == '-';
  }

  /** The token right before a period, including inner dots ("U.S", "e.g"), without leading punctuation. */
  private static String wordBefore(String text, int from, int mark) {
    int i = mark;
    while (i > from && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
      i--;
    }
    return text.substring(i, mark);
  }

  private static String nextWord(String text, int from) {
    int i = from;
    while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return text.substring(start, i);
  }

  private static boolean isBlankLineAt(String text, int newline) {
    int i = newline + 1;
    while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '\n';
  }

  private static int skipWhitespace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void add(List<String> sentences, String raw) {
    String sentence = raw.strip().replaceAll("\\s+", " ");
    if (!sentence.isEmpty()) {
      sentences.add(sentence);
    }
  }
}
