package dev.newswire.store.jdbc;

import dev.newswire.news.ChannelRef;
import dev.newswire.store.FeedNotices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice is stored as an item of the feed (key "notice-…", never matched by the deduper, which compares hashes)
 * with one delivery per channel, so the ordinary dispatcher posts it with retries, claims and channel problems.
 */
public final class JdbcFeedNotices implements FeedNotices {
  private final Database db;

  public JdbcFeedNotices(Database db) {
    this.db = db;
  }

  @Override
  public int feedPaused(long feedId, String reason, Instant now) {
    return db.inTransaction(c -> {
      if (!flip(c, feedId, null, "PAUSED")) return 0;
      String[] feed = feed(c, feedId);
      String text = "Newswire stopped polling " + feed[0] + " (" + feed[1] + "). "
          + (reason == null ? "It failed too many times in a row." : reason);
      return write(c, feedId, "paused", "Feed paused: " + feed[0], text, feed[1], now);
    });
  }

  @Override
  public int feedRecovered(long feedId, Instant now) {
    return db.inTransaction(c -> {
      if (!flip(c, feedId, "PAUSED", null)) return 0;
      String[] feed = feed(c, feedId);
      String text = feed[0] + " (" + feed[1] + ") works again. Newswire is polling it and posts its new stories"
          + " here as before.";
      return write(c, feedId, "recovered", "Feed working again: " + feed[0], text, feed[1], now);
    });
  }

  /** Conditional state change: true for exactly one caller per transition. */
  private static boolean flip(Connection c, long feedId, String from, String to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET notice_state = ? WHERE id = ? AND "
        + (from == null ? "notice_state IS NULL" : "notice_state = ?"))) {
      ps.setString(1, to);
      ps.setLong(2, feedId);
      if (from != null) ps.setString(3, from);
      return ps.executeUpdate() == 1;
    }
  }

  private static String[] feed(Connection c, long feedId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name, url FROM feed WHERE id = ?")) {
      ps.setLong(1, feedId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  private static int write(Connection c, long feedId, String kind, String title, String text, String url, Instant now)
      throws SQLException {
    List<ChannelRef> channels = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT d.platform, d.workspace, d.channel FROM delivery d"
        + " JOIN item i ON i.id = d.item_id WHERE i.feed_id = ? ORDER BY d.platform, d.workspace, d.channel")) {
      ps.setLong(1, feedId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) channels.add(new ChannelRef(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    if (channels.isEmpty()) return 0;
    long itemId;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO item (feed_id, item_key, title, link, summary, content_text, categories, announced, first_seen_at,"
            + " last_seen_at) VALUES (?, ?, ?, ?, ?, ?, '', TRUE, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, feedId);
      ps.setString(2, Sql.fit("notice-" + kind + "-" + now.toEpochMilli(), 64));
      ps.setString(3, Sql.fit(title, 2000));
      ps.setString(4, url.length() <= 2048 ? url : null);
      ps.setString(5, Sql.fit(text, 8000));
      ps.setString(6, Sql.fit(text, 30000));
      Sql.setInstant(ps, 7, now);
      Sql.setInstant(ps, 8, now);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        itemId = keys.getLong(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO delivery (item_id, platform, workspace, channel, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
      for (ChannelRef ch : channels) {
        ps.setLong(1, itemId);
        ps.setString(2, ch.platform());
        ps.setString(3, ch.workspace());
        ps.setString(4, ch.channel());
        Sql.setInstant(ps, 5, now);
        Sql.setInstant(ps, 6, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return channels.size();
  }
}
