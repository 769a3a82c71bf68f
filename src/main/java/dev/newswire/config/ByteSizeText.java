package dev.newswire.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes written as "5MB", "512KB", "1GB" or a plain number of bytes. */
public final class ByteSizeText {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

  private ByteSizeText() {}

  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size; write it like 5MB, 512KB or 1048576");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return switch (unit) {
      case "kb", "kib" -> n * 1024;
      case "mb", "mib" -> n * 1024 * 1024;
      case "gb", "gib" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }
}
