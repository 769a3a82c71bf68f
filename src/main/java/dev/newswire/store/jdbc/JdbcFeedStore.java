package dev.newswire.store.jdbc;

import dev.newswire.config.FeedConfig;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedHealth;
import dev.newswire.news.FeedValidators;
import dev.newswire.store.CategorizedFeed;
import dev.newswire.store.FeedStore;
import dev.newswire.store.NewFeed;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class JdbcFeedStore implements FeedStore {
  private static final String COLUMNS = "id, url, name, origin, enabled, poll_interval_seconds, title, etag, last_modified,"
      + " body_hash, baseline_done, last_polled_at, last_success_at, last_error, consecutive_failures, next_attempt_at,"
      + " paused_reason";

  private final Database db;
  private final Clock clock;

  public JdbcFeedStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * One read of the stored feeds, then batched writes of only what differs: start-up with 1,000 configured feeds
   * spent 0.6 s issuing an UPDATE per feed.
   */
  @Override
  public void syncConfigured(List<FeedConfig> configured) {
    db.inTransaction(c -> {
      record Stored(String name, boolean enabled, Integer interval, String origin) {}
      Map<String, Stored> stored = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT url, name, enabled, poll_interval_seconds, origin FROM feed");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int interval = rs.getInt(4);
          stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getBoolean(3), rs.wasNull() ? null : interval,
              rs.getString(5)));
        }
      }
      Set<String> urls = new HashSet<>();
      try (PreparedStatement up = c.prepareStatement(
               "UPDATE feed SET name = ?, enabled = ?, poll_interval_seconds = ?, origin = 'config' WHERE url = ?");
           PreparedStatement ins = c.prepareStatement(
               "INSERT INTO feed (url, name, origin, enabled, poll_interval_seconds, baseline_done, consecutive_failures,"
                   + " created_at) VALUES (?, ?, 'config', ?, ?, FALSE, 0, ?)")) {
        int updates = 0;
        int inserts = 0;
        for (FeedConfig f : configured) {
          String url = f.url().trim();
          if (!urls.add(url)) continue;
          String name = Sql.fit(f.name(), 300);
          Integer interval = f.interval() == null ? null : (int) f.interval().toSeconds();
          Stored now = stored.get(url);
          if (now != null) {
            if (java.util.Objects.equals(now.name(), name) && now.enabled() == f.enabled()
                && java.util.Objects.equals(now.interval(), interval) && "config".equals(now.origin())) {
              continue;
            }
            up.setString(1, name);
            up.setBoolean(2, f.enabled());
            setInterval(up, 3, f.interval());
            up.setString(4, url);
            up.addBatch();
            updates++;
          } else {
            ins.setString(1, Sql.fit(url, 2048));
            ins.setString(2, name);
            ins.setBoolean(3, f.enabled());
            setInterval(ins, 4, f.interval());
            Sql.setInstant(ins, 5, clock.instant());
            ins.addBatch();
            inserts++;
          }
        }
        if (updates > 0) up.executeBatch();
        if (inserts > 0) ins.executeBatch();
      }
      // Feeds dropped from the file stop being polled; their history stays so re-adding them posts nothing old.
      List<String> stale = new ArrayList<>();
      stored.forEach((url, f) -> {
        if ("config".equals(f.origin()) && f.enabled() && !urls.contains(url)) stale.add(url);
      });
      try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET enabled = FALSE WHERE url = ?")) {
        for (String url : stale) {
          ps.setString(1, url);
          ps.addBatch();
        }
        if (!stale.isEmpty()) ps.executeBatch();
      }
      return null;
    });
  }

  private static void setInterval(PreparedStatement ps, int index, Duration interval) throws SQLException {
    if (interval == null) ps.setNull(index, Types.INTEGER);
    else ps.setInt(index, (int) interval.toSeconds());
  }

  @Override
  public List<Feed> all() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed ORDER BY id");
           ResultSet rs = ps.executeQuery()) {
        List<Feed> out = new ArrayList<>();
        while (rs.next()) out.add(map(rs));
        return out;
      }
    });
  }

  @Override
  public Optional<Feed> find(long id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<Feed> findByUrl(String url) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed WHERE url = ?")) {
        ps.setString(1, url);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void recordUnchanged(long feedId, FeedValidators v, Instant polledAt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE feed SET etag = ?, last_modified = ?, body_hash = COALESCE(?, body_hash), last_polled_at = ?,"
              + " last_success_at = ?, last_error = NULL, consecutive_failures = 0, next_attempt_at = NULL,"
              + " paused_reason = NULL WHERE id = ?")) {
        ps.setString(1, Sql.fit(v.etag(), 1024));
        ps.setString(2, Sql.fit(v.lastModified(), 200));
        ps.setString(3, v.bodyHash());
        Sql.setInstant(ps, 4, polledAt);
        Sql.setInstant(ps, 5, polledAt);
        ps.setLong(6, feedId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void recordFailure(long feedId, String error, Instant polledAt, Instant nextAttemptAt, String pausedReason) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE feed SET last_polled_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,"
              + " next_attempt_at = ?, paused_reason = COALESCE(?, paused_reason) WHERE id = ?")) {
        Sql.setInstant(ps, 1, polledAt);
        ps.setString(2, Sql.fit(error, 2000));
        Sql.setInstant(ps, 3, nextAttemptAt);
        ps.setString(4, Sql.fit(pausedReason, 2000));
        ps.setLong(5, feedId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public int addAll(List<NewFeed> newFeeds, String origin) {
    return addAll(newFeeds, origin, n -> { });
  }

  @Override
  public int addAll(List<NewFeed> newFeeds, String origin, java.util.function.IntConsumer progress) {
    return db.inTransaction(c -> {
      int written = 0;
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO feed (url, name, origin, enabled, category, baseline_done, consecutive_failures, created_at)"
              + " VALUES (?, ?, ?, TRUE, ?, FALSE, 0, ?)")) {
        for (NewFeed f : newFeeds) {
          ins.setString(1, Sql.fit(f.url().trim(), 2048));
          ins.setString(2, Sql.fit(f.name(), 300));
          ins.setString(3, Sql.fit(origin, 16));
          ins.setString(4, Sql.fit(f.category(), 300));
          Sql.setInstant(ins, 5, clock.instant());
          ins.executeUpdate();
          progress.accept(++written);
        }
      }
      return newFeeds.size();
    });
  }

  @Override
  public List<CategorizedFeed> allWithCategories() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", category FROM feed ORDER BY id");
           ResultSet rs = ps.executeQuery()) {
        List<CategorizedFeed> out = new ArrayList<>();
        while (rs.next()) out.add(new CategorizedFeed(map(rs), rs.getString("category")));
        return out;
      }
    });
  }

  @Override
  public void resume(long feedId) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE feed SET paused_reason = NULL, consecutive_failures = 0, next_attempt_at = NULL WHERE id = ?")) {
        ps.setLong(1, feedId);
        return ps.executeUpdate();
      }
    });
  }

  static Feed map(ResultSet rs) throws SQLException {
    int interval = rs.getInt("poll_interval_seconds");
    Duration iv = rs.wasNull() ? null : Duration.ofSeconds(interval);
    return new Feed(
        rs.getLong("id"),
        rs.getString("url"),
        rs.getString("name"),
        rs.getString("origin"),
        rs.getBoolean("enabled"),
        iv,
        rs.getString("title"),
        new FeedValidators(rs.getString("etag"), rs.getString("last_modified"), rs.getString("body_hash")),
        rs.getBoolean("baseline_done"),
        new FeedHealth(
            Sql.getInstant(rs, "last_polled_at"),
            Sql.getInstant(rs, "last_success_at"),
            rs.getString("last_error"),
            rs.getInt("consecutive_failures"),
            Sql.getInstant(rs, "next_attempt_at"),
            rs.getString("paused_reason")));
  }

  @Override
  public Feed addFromChat(String url, String name) {
    String u = url.trim();
    db.inTransaction(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE feed SET enabled = TRUE, name = COALESCE(?, name) WHERE url = ?")) {
        up.setString(1, name == null || name.isBlank() ? null : Sql.fit(name, 300));
        up.setString(2, u);
        if (up.executeUpdate() > 0) return null;
      }
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO feed (url, name, origin, enabled, poll_interval_seconds, baseline_done, consecutive_failures,"
              + " created_at) VALUES (?, ?, 'chat', TRUE, NULL, FALSE, 0, ?)")) {
        ins.setString(1, Sql.fit(u, 2048));
        ins.setString(2, Sql.fit(name == null || name.isBlank() ? "" : name, 300));
        Sql.setInstant(ins, 3, clock.instant());
        ins.executeUpdate();
      }
      return null;
    });
    return findByUrl(u).orElseThrow();
  }

  @Override
  public void setEnabled(long feedId, boolean enabled) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET enabled = ? WHERE id = ?")) {
        ps.setBoolean(1, enabled);
        ps.setLong(2, feedId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void pause(long feedId, String reason) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE feed SET paused_reason = ? WHERE id = ?")) {
        ps.setString(1, Sql.fit(reason, 2000));
        ps.setLong(2, feedId);
        return ps.executeUpdate();
      }
    });
  }
}
