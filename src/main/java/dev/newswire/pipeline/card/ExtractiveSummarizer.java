package dev.newswire.pipeline.card;

import dev.newswire.news.Card;
import dev.newswire.text.Shortener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a TL;DR and key points from a story's own sentences. Deterministic: no randomness, ties go to
 * the earlier sentence.
 *
 * <p>The TL;DR is the lead: news is written as an inverted pyramid, and feed descriptions are usually a
 * one-line standfirst, so the first sentences beat any scoring for "what is this about". Key points are
 * the best remaining sentences by position plus keyword weight (how much of the story's vocabulary and
 * of the title they carry), shown in story order.
 */
public final class ExtractiveSummarizer {

  /** Key points are for skimming; a longer sentence is cut. */
  static final int MAX_KEY_POINT_LENGTH = 240;
  /** Reading the whole of a 5 MB body buys nothing for a three-line summary. */
  private static final int MAX_TEXT_CHARS = 20_000;
  private static final int MAX_SENTENCES = 60;
  private static final int MIN_KEY_POINT_WORDS = 5;
  /** A longer lead would leave nothing for the key points; two sentences are a standfirst. */
  private static final int MAX_TLDR_SENTENCES = 2;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.+-]*[\\p{L}\\p{N}+]|[\\p{L}\\p{N}]");
  private static final Set<String> STOPWORDS = Set.of(
      "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
      "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
      "we", "our", "you", "your", "they", "their", "he", "she", "his", "her", "i", "my", "me", "us", "them",
      "not", "no", "so", "than", "then", "too", "very", "can", "will", "would", "should", "could", "may",
      "might", "has", "have", "had", "do", "does", "did", "about", "into", "over", "more", "most", "also",
      "just", "new", "how", "what", "which", "who", "when", "where", "why", "all", "any", "each", "some",
      "such", "one", "two", "up", "out", "now", "today", "said", "says", "there", "here", "while");

  private final SentenceSplitter splitter;
  private final BoilerplateFilter boilerplate;

  public ExtractiveSummarizer(SentenceSplitter splitter, BoilerplateFilter boilerplate) {
    this.splitter = splitter;
    this.boilerplate = boilerplate;
  }

  public ExtractiveSummarizer() {
    this(new SentenceSplitter(), new BoilerplateFilter());
  }

  /**
   * @param title the headline (sentences repeating it are skipped)
   * @param texts story texts in order of preference, e.g. summary then full content; sentences repeated
   *              across them count once
   */
  public Summary summarize(String title, List<String> texts) {
    List<String> sentences = candidateSentences(title, texts);
    if (sentences.isEmpty()) {
      return new Summary("", List.of());
    }
    List<String> lead = lead(sentences);
    String tldr = lead.isEmpty()
        ? Shortener.shorten(sentences.get(0), Card.MAX_TLDR_LENGTH)
        : String.join(" ", lead);
    int used = Math.max(1, lead.size());
    return new Summary(tldr, keyPoints(title, sentences, used));
  }

  private List<String> candidateSentences(String title, List<String> texts) {
    Set<String> titleWords = contentWords(title);
    Set<String> seen = new HashSet<>();
    List<Set<String>> kept = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      String bounded = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
      for (String sentence : splitter.split(boilerplate.clean(bounded))) {
        if (sentences.size() >= MAX_SENTENCES) {
          return sentences;
        }
        if (boilerplate.isBoilerplate(sentence) || !hasLetters(sentence)) {
          continue;
        }
        String key = normalize(sentence);
        Set<String> words = contentWords(sentence);
        if (!seen.add(key) || duplicates(words, titleWords) || kept.stream().anyMatch(k -> duplicates(words, k))) {
          continue;
        }
        kept.add(words);
        sentences.add(sentence);
      }
    }
    return sentences;
  }

  /** Up to two leading sentences that fit the TL;DR limit together (empty when the first alone does not). */
  private static List<String> lead(List<String> sentences) {
    List<String> lead = new ArrayList<>();
    int length = -1;
    for (String sentence : sentences) {
      int next = length + 1 + sentence.length();
      if (next > Card.MAX_TLDR_LENGTH || lead.size() == MAX_TLDR_SENTENCES) {
        break;
      }
      lead.add(sentence);
      length = next;
    }
    return lead;
  }

  private static List<String> keyPoints(String title, List<String> sentences, int skip) {
    if (sentences.size() <= skip) {
      return List.of();
    }
    Map<String, Integer> frequency = new HashMap<>();
    for (String sentence : sentences) {
      for (String word : contentWords(sentence)) {
        frequency.merge(word, 1, Integer::sum);
      }
    }
    Set<String> titleWords = contentWords(title);
    List<Scored> candidates = new ArrayList<>();
    for (int i = skip; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      List<String> words = words(sentence);
      if (words.size() < MIN_KEY_POINT_WORDS) {
        continue;
      }
      Set<String> content = contentWords(sentence);
      double keyword = 0;
      for (String word : content) {
        keyword += frequency.get(word) - 1; // words the story repeats are what it is about
        if (titleWords.contains(word)) {
          keyword += 2;
        }
      }
      keyword /= Math.sqrt(Math.max(1, words.size()));
      double position = 1.0 / (1 + i - skip);
      candidates.add(new Scored(i, keyword + 2 * position));
    }
    return candidates.stream()
        .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::index))
        .limit(Card.MAX_KEY_POINTS)
        .sorted(Comparator.comparingInt(Scored::index))
        .map(s -> Shortener.shorten(sentences.get(s.index()), MAX_KEY_POINT_LENGTH))
        .toList();
  }

  private record Scored(int index, double score) {}

  /** Two texts say the same thing when most of the shorter one's content words are in the other. */
  private static boolean duplicates(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long shared = small.stream().filter(large::contains).count();
    return shared >= 0.8 * small.size() && shared >= 0.5 * large.size();
  }

  private static boolean hasLetters(String s) {
    return s.codePoints().anyMatch(Character::isLetter);
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  private static Set<String> contentWords(String text) {
    Set<String> content = new LinkedHashSet<>();
    for (String word : words(text)) {
      if (!STOPWORDS.contains(word) && (word.length() > 1 || Character.isDigit(word.charAt(0)))) {
        content.add(word);
      }
    }
    return content;
  }
}
