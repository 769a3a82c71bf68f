package dev.newswire.pipeline.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The corpus TSV format: UTF-8, one header row, tab-separated, values escaped with \\ \t \n \r. */
final class CorpusTsv {

  /** One data row, addressed by header name. */
  record Row(Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v;
    }
  }

  private CorpusTsv() {}

  static List<Row> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] header = lines.get(0).split("\t", -1);
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        values.put(header[i], i < cells.length ? unescape(cells[i]) : "");
      }
      rows.add(new Row(values));
    }
    return rows;
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case '\\' -> out.append('\\');
          case 't' -> out.append('\t');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          default -> out.append(c).append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
