package dev.newswire.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binding of the few types whose JDBC mapping differs between H2 and PostgreSQL if done naively. */
final class Sql {
  private Sql() {}

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    else ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** Fits text into a VARCHAR(n) column and removes NUL, which PostgreSQL rejects in text. */
  static String fit(String text, int max) {
    if (text == null) return null;
    String clean = text.indexOf('\0') >= 0 ? text.replace("\0", "") : text;
    if (clean.length() <= max) return clean;
    int end = max;
    if (Character.isHighSurrogate(clean.charAt(end - 1))) end--;
    return clean.substring(0, end);
  }
}
