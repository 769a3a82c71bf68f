package dev.newswire.config;

import java.util.Locale;

/** @param format "text" (default) or "json" (one JSON object per line on stderr) */
public record LoggingConfig(String format) {
  public LoggingConfig {
    format = format == null || format.isBlank() ? "text" : format.trim().toLowerCase(Locale.ROOT);
  }

  public static LoggingConfig defaults() {
    return new LoggingConfig(null);
  }

  public boolean json() {
    return format.equals("json");
  }
}
