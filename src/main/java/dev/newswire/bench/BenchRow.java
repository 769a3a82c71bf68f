package dev.newswire.bench;

/**
 * One line of the benchmark table.
 *
 * @param id       scenario number (1-6 from issue #8; 9 for story clustering, issue #9)
 * @param scenario what was measured
 * @param figure   the measured figure with its unit, or "not measured yet: needs ..."
 * @param value    the headline number (NaN when not measured)
 * @param target   the target, in words
 * @param met      true/false when measured against a target, null when not measured
 * @param detail   setting, references and what limits the figure
 */
public record BenchRow(String id, String scenario, String figure, double value, String target, Boolean met,
    String detail) {

  public static BenchRow notMeasured(String id, String scenario, String target, String needs) {
    return new BenchRow(id, scenario, "not measured yet: needs " + needs, Double.NaN, target, null, "");
  }

  public boolean measured() {
    return !Double.isNaN(value);
  }

  public String verdict() {
    return met == null ? "–" : met ? "met" : "MISSED";
  }
}
