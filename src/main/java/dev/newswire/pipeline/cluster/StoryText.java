package dev.newswire.pipeline.cluster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features clustering compares, all explainable: normalised content words of title + summary, and entities
 * (names, model names, numbers) written the way a person would recognise them.
 */
public final class StoryText {
  /** How much of the summary counts: the lede, not the whole article. */
  static final int SUMMARY_WORDS = 40;

  private static final Pattern WORD = Pattern.compile("[$€£]?[\\p{L}\\p{N}]+(?:[-.'’&][\\p{L}\\p{N}]+)*[%+]?");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Pattern NUMBER_WORD = Pattern.compile(
      "([$€£]?\\d+(?:[.,]\\d+)?)\\s*(billion|million|trillion|bn|b|m|k)\\b", Pattern.CASE_INSENSITIVE);

  static final Set<String> STOP = setOf(("a an the and or but of to in on at by for from with as is are was were be been "
      + "being it its this that these those their there they them he she his her we our you your i me my not no "
      + "into over after before about up down out than then so if via vs new now more most how what why when who "
      + "which will would can could may might has have had do does did just also says say said amid per all any "
      + "here where while one two us-based your get gets got make makes made use uses using used way ways").split(" "));

  /** Capitalised words that are not names even when a headline capitalises them. */
  static final Set<String> COMMON = setOf(("a an the and or but of to in on at by for from with as is are was were be "
      + "it its this that these those their they he she his her we our you your i my not no into over after before "
      + "about up down out new now more most how what why when who which will would can could may might has have "
      + "had do does just also says say said amid all here where while one two three first last next our "
      + "launch launches launched launching introduce introduces introducing introduced announce announces announced "
      + "announcing release releases released releasing unveil unveils unveiled raise raises raised raising "
      + "build building builds built bring brings open opens opened update updates updated expand expands expanded "
      + "help helps helping make makes making made get gets take takes taking give gives show shows shown "
      + "warn warns warned warning cut cuts sign signs signed deal deals plan plans report reports reported "
      + "move moves moving shift shifts buy buys bought acquire acquires acquired acquisition invest invests investment "
      + "funding round valuation chips chip model models ai agent agents app apps tool tools research study paper "
      + "data safety security policy news today week year years day days month months people users user company "
      + "companies team teams world global better faster smarter best largest biggest big small major key "
      + "why how what inside behind meet ask lead leads led partner partners partnership partnering with "
      + "horrible bad good great free available now coming soon early access preview beta general "
      + "announcing introducing celebrating exploring building scaling making bringing using improving "
      + "part series episode live video podcast blog post guide tips ways things").split(" "));

  /** Entities so common in AI news that sharing them says nothing. */
  static final Set<String> GENERIC_ENTITIES = Set.of("ai", "llm", "llms", "ml", "api", "ceo", "cto", "q1", "q2",
      "q3", "q4", "inc", "corp", "ltd", "co", "hn", "show hn", "ask hn");

  private StoryText() {}

  private static Set<String> setOf(String... words) {
    return Set.copyOf(new java.util.HashSet<>(Arrays.asList(words)));
  }

  /** Lower-case, accents folded, possessive and plural endings removed: "Nvidia's chips" → [nvidia, chip]. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(fold(text));
    while (m.find()) {
      String w = stripPossessive(m.group().toLowerCase(Locale.ROOT));
      if (w.isEmpty() || STOP.contains(w)) continue;
      out.add(stem(w));
    }
    return out;
  }

  /** Content words of the title and the summary's lede, as a set. */
  public static Set<String> contentWords(String title, String summary) {
    Set<String> out = new LinkedHashSet<>(words(title));
    List<String> s = words(numbersJoined(summary));
    out.addAll(s.subList(0, Math.min(SUMMARY_WORDS, s.size())));
    return out;
  }

  /**
   * Names, model names and numbers: words with a capital that are not common words (so Title Case headlines do not
   * turn "Launches" into a name), words with inner capitals or digits ("OpenAI", "GPT-5", "$40B"). Normalised
   * lower-case, possessive removed.
   */
  public static Set<String> entities(String title, String summary) {
    Set<String> out = new LinkedHashSet<>();
    addEntities(title, out);
    String lede = summary == null ? "" : summary;
    if (lede.length() > 400) lede = lede.substring(0, 400);
    addEntities(lede, out);
    return out;
  }

  private static void addEntities(String text, Set<String> out) {
    if (text == null || text.isEmpty()) return;
    Matcher m = WORD.matcher(fold(numbersJoined(text)));
    while (m.find()) {
      String raw = stripPossessive(m.group());
      if (raw.isEmpty()) continue;
      String lower = raw.toLowerCase(Locale.ROOT);
      boolean hasDigit = raw.chars().anyMatch(Character::isDigit);
      boolean capital = Character.isUpperCase(raw.codePointAt(0)) || raw.startsWith("$");
      boolean innerCapital = raw.length() > 1 && raw.substring(1).chars().anyMatch(Character::isUpperCase);
      if (hasDigit) {
        if (YEAR.matcher(lower).matches()) continue; // a year dates a story, it does not name it
        out.add(lower.replace("’", "'"));
      } else if (innerCapital || (capital && lower.length() > 1 && !COMMON.contains(lower) && !STOP.contains(lower))) {
        if (!GENERIC_ENTITIES.contains(lower)) out.add(stem(lower));
      }
    }
  }

  /** "$40 billion" and "$40B" are the same number: both become "$40b". */
  static String numbersJoined(String text) {
    if (text == null) return "";
    boolean digit = false;
    for (int i = 0; i < text.length() && !digit; i++) digit = Character.isDigit(text.charAt(i));
    if (!digit) return text;
    Matcher m = NUMBER_WORD.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      String u = switch (unit) {
        case "billion", "bn", "b" -> "B";
        case "million", "m" -> "M";
        case "trillion" -> "T";
        default -> "K";
      };
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).replace(",", "") + u));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Aggregator boilerplate ("Score: 12 Comments: 3 By: x Discussion: url") says nothing about the story. */
  private static final Pattern METADATA = Pattern.compile(
      "\\b(Article URL|Comments URL|Score|Points|Comments|By|Discussion|# Comments)\\s*:\\s*\\S+");

  static String fold(String text) {
    if (text == null) return "";
    if (text.indexOf(':') >= 0) text = METADATA.matcher(text).replaceAll(" ");
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) ascii = text.charAt(i) < 128;
    if (ascii) return text;
    String n = Normalizer.normalize(text, Normalizer.Form.NFKD);
    return n.replaceAll("\\p{M}+", "");
  }

  private static String stripPossessive(String w) {
    if (w.endsWith("'s") || w.endsWith("’s")) return w.substring(0, w.length() - 2);
    if (w.endsWith("'") || w.endsWith("’")) return w.substring(0, w.length() - 1);
    return w;
  }

  /** A light stemmer: plural and -ing/-ed endings, enough for headlines ("chips"/"chip", "moving"/"move"). */
  static String stem(String w) {
    if (w.length() <= 3 || w.chars().anyMatch(Character::isDigit)) return w;
    if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
    if (w.endsWith("ing") && w.length() > 5) return w.substring(0, w.length() - 3);
    if (w.endsWith("ed") && w.length() > 4) return w.substring(0, w.length() - 2);
    if (w.endsWith("es") && w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")))
      return w.substring(0, w.length() - 2);
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.substring(0, w.length() - 1);
    if (w.endsWith("e") && w.length() > 3) return w.substring(0, w.length() - 1);
    return w;
  }

  /** Sorted distinct 32-bit hashes, for fast set operations. */
  static int[] hashes(Set<String> words) {
    int[] out = new int[words.size()];
    int i = 0;
    for (String w : words) out[i++] = mix(w.hashCode());
    Arrays.sort(out);
    int n = 0;
    for (int k = 0; k < out.length; k++) if (n == 0 || out[n - 1] != out[k]) out[n++] = out[k];
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Size of the intersection of two sorted distinct arrays. */
  static int overlap(int[] a, int[] b) {
    int i = 0, j = 0, n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) return 0;
    int inter = overlap(a, b);
    return inter / (double) (a.length + b.length - inter);
  }

  /** The intersection of two sorted distinct arrays. */
  static int[] overlapArray(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0, j = 0, n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        out[n++] = a[i];
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
