package dev.newswire.pipeline.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Match counts per field for a conformance run, plus a few mismatch samples to make regressions readable. */
final class ConformanceTally {

  private final String suite;
  private final Map<String, int[]> counts = new TreeMap<>();
  private final List<String> misses = new ArrayList<>();

  ConformanceTally(String suite) {
    this.suite = suite;
  }

  void record(String field, boolean match, String detail) {
    int[] c = counts.computeIfAbsent(field, k -> new int[2]);
    c[1]++;
    if (match) {
      c[0]++;
    } else {
      misses.add(field + "  " + detail);
    }
  }

  int matches() {
    return counts.values().stream().mapToInt(c -> c[0]).sum();
  }

  int total() {
    return counts.values().stream().mapToInt(c -> c[1]).sum();
  }

  double ratio() {
    return total() == 0 ? 0 : (double) matches() / total();
  }

  int matches(String field) {
    return counts.getOrDefault(field, new int[2])[0];
  }

  String report(int maxMisses) {
    StringBuilder sb = new StringBuilder("=== ").append(suite).append(" ===\n");
    counts.forEach((field, c) -> sb.append(String.format("  %-18s %4d / %-4d%n", field, c[0], c[1])));
    sb.append(String.format("  %-18s %4d / %-4d = %.1f%%%n", "OVERALL", matches(), total(), 100 * ratio()));
    if (!misses.isEmpty() && maxMisses > 0) {
      sb.append("  mismatches (first ").append(Math.min(maxMisses, misses.size())).append(" of ").append(misses.size()).append("):\n");
      misses.stream().limit(maxMisses).forEach(m -> sb.append("    ").append(m).append('\n'));
    }
    return sb.toString();
  }
}
