package dev.newswire.command.news;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Small text helpers for command replies. */
final class Text {
  private Text() {}

  static String cut(String s, int max) {
    if (s == null) return "";
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  /** Candidates closest to the input by edit distance (prefix matches first), at most max, only plausible ones. */
  static List<String> closest(String input, Collection<String> candidates, int max) {
    String in = input == null ? "" : input.toLowerCase(Locale.ROOT).strip();
    record Scored(String value, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      int d = lc.startsWith(in) || in.startsWith(lc) ? 0 : distance(in, lc);
      if (d <= Math.max(2, in.length() / 2)) scored.add(new Scored(c, d));
    }
    return scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::value)).limit(max)
        .map(Scored::value).toList();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static List<String> startingWith(Collection<String> values, String partial) {
    String p = partial == null ? "" : partial.toLowerCase(Locale.ROOT);
    List<String> starts = values.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(p)).toList();
    List<String> contains = values.stream().filter(v -> !v.toLowerCase(Locale.ROOT).startsWith(p)
        && v.toLowerCase(Locale.ROOT).contains(p)).toList();
    List<String> out = new ArrayList<>(starts);
    out.addAll(contains);
    return out;
  }
}
