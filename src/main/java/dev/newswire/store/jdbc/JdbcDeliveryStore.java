package dev.newswire.store.jdbc;

import dev.newswire.news.ChannelRef;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.PendingDelivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcDeliveryStore implements DeliveryStore {
  private final Database db;

  public JdbcDeliveryStore(Database db) {
    this.db = db;
  }

  private static final String SELECT_PENDING =
      "SELECT d.id AS delivery_id, d.platform, d.workspace, d.channel, d.attempts, d.in_doubt,"
          + " d.created_at AS delivery_created_at, i.*, f.url AS feed_url, f.name AS feed_name"
          + " FROM delivery d JOIN item i ON i.id = d.item_id JOIN feed f ON f.id = i.feed_id";

  @Override
  public List<PendingDelivery> due(Instant now, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_PENDING
          + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY")) {
        Sql.setInstant(ps, 1, now);
        return mapPending(ps);
      }
    });
  }

  private static List<PendingDelivery> mapPending(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<PendingDelivery> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new PendingDelivery(
            rs.getLong("delivery_id"),
            new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
            rs.getInt("attempts"),
            JdbcItemStore.mapStored(rs, "id"),
            rs.getBoolean("in_doubt"),
            Sql.getInstant(rs, "delivery_created_at")));
      }
      return out;
    }
  }

  /**
   * How long an earlier story's retry may hold back the later stories of its channel. Rate limits and short outages
   * wait in order; a story in a long backoff (a channel failing for a while) lets the later ones through rather than
   * stopping the channel for up to an hour.
   */
  public static final Duration ORDER_HOLD = Duration.ofMinutes(10);

  /**
   * Same SQL on PostgreSQL and H2 (2.3 has SKIP LOCKED too): lock due, unclaimed (or lease-expired) rows, skipping
   * rows another dispatcher holds locked right now, and stamp them with our claim in the same transaction. The
   * conditional UPDATE re-checks the lease, so even without the row locks two claimants could not both win.
   */
  @Override
  public List<PendingDelivery> claim(Instant now, int limit, String claimant, Duration lease) {
    return db.inTransaction(c -> {
      List<Long> candidates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT d.id FROM delivery d WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?"
              + " AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
              // Keeps each channel in story order: a story waiting out a short retry holds back the later ones
              + " AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.platform = d.platform"
              + " AND e.workspace = d.workspace AND e.channel = d.channel AND e.status = 'PENDING' AND e.id < d.id"
              + " AND ((e.next_attempt_at > ? AND e.next_attempt_at <= ?)"
              // ... or is held by another dispatcher (sending now, or dead and not yet taken over)
              + " OR (e.claimed_by <> ? AND e.claimed_until >= ?)))"
              + " ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
        Sql.setInstant(ps, 1, now);
        Sql.setInstant(ps, 2, now);
        Sql.setInstant(ps, 3, now);
        Sql.setInstant(ps, 4, now.plus(ORDER_HOLD));
        ps.setString(5, Sql.fit(claimant, 100));
        Sql.setInstant(ps, 6, now);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) candidates.add(rs.getLong(1));
        }
      }
      if (candidates.isEmpty()) return List.<PendingDelivery>of();
      List<Long> claimed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET in_doubt = CASE WHEN claimed_by IS NOT NULL THEN TRUE ELSE in_doubt END,"
              + " claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'PENDING'"
              + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
        for (long id : candidates) {
          ps.setString(1, Sql.fit(claimant, 100));
          Sql.setInstant(ps, 2, now.plus(lease));
          ps.setLong(3, id);
          Sql.setInstant(ps, 4, now);
          if (ps.executeUpdate() == 1) claimed.add(id);
        }
      }
      if (claimed.isEmpty()) return List.<PendingDelivery>of();
      String marks = String.join(",", Collections.nCopies(claimed.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(SELECT_PENDING + " WHERE d.id IN (" + marks + ") ORDER BY d.id")) {
        for (int i = 0; i < claimed.size(); i++) ps.setLong(i + 1, claimed.get(i));
        return mapPending(ps);
      }
    });
  }

  @Override
  public void release(Collection<Long> deliveryIds) {
    if (deliveryIds.isEmpty()) return;
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET claimed_by = NULL, claimed_until = NULL WHERE id = ?")) {
        for (long id : deliveryIds) {
          ps.setLong(1, id);
          ps.addBatch();
        }
        return ps.executeBatch();
      }
    });
  }

  @Override
  public boolean recordChannelProblem(ChannelRef channel, String reason, Instant now) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO channel_problem (platform, workspace, channel, reason, first_seen, reported)"
              + " SELECT ?, ?, ?, ?, ?, FALSE FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS (SELECT 1 FROM channel_problem"
              + " WHERE platform = ? AND workspace = ? AND channel = ?)")) {
        ps.setString(1, channel.platform());
        ps.setString(2, channel.workspace());
        ps.setString(3, channel.channel());
        ps.setString(4, Sql.fit(reason, 2000));
        Sql.setInstant(ps, 5, now);
        ps.setString(6, channel.platform());
        ps.setString(7, channel.workspace());
        ps.setString(8, channel.channel());
        return ps.executeUpdate() == 1;
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) return false; // another instance recorded it first
        throw e;
      }
    });
  }

  @Override
  public Map<ChannelRef, String> channelProblems() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT platform, workspace, channel, reason FROM channel_problem");
           ResultSet rs = ps.executeQuery()) {
        Map<ChannelRef, String> out = new HashMap<>();
        while (rs.next()) {
          out.put(new ChannelRef(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
        }
        return out;
      }
    });
  }

  @Override
  public void markProblemReported(ChannelRef channel) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE channel_problem SET reported = TRUE WHERE platform = ? AND workspace = ? AND channel = ?")) {
        ps.setString(1, channel.platform());
        ps.setString(2, channel.workspace());
        ps.setString(3, channel.channel());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean clearChannelProblem(ChannelRef channel) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM channel_problem WHERE platform = ? AND workspace = ? AND channel = ?")) {
        ps.setString(1, channel.platform());
        ps.setString(2, channel.workspace());
        ps.setString(3, channel.channel());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void markSent(long deliveryId, String messageId, Instant sentAt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET status = 'SENT', message_id = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL,"
              + " claimed_by = NULL, claimed_until = NULL, in_doubt = FALSE"
              + " WHERE id = ?")) {
        ps.setString(1, Sql.fit(messageId, 128));
        Sql.setInstant(ps, 2, sentAt);
        ps.setLong(3, deliveryId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt) {
    scheduleRetry(deliveryId, error, nextAttemptAt, false);
  }

  @Override
  public void scheduleRetry(long deliveryId, String error, Instant nextAttemptAt, boolean inDoubt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_by = NULL,"
              + " claimed_until = NULL, in_doubt = (in_doubt OR ?) WHERE id = ?")) {
        ps.setString(1, Sql.fit(error, 2000));
        Sql.setInstant(ps, 2, nextAttemptAt);
        ps.setBoolean(3, inDoubt);
        ps.setLong(4, deliveryId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void markFailed(long deliveryId, String reason) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, last_error = ?, claimed_by = NULL,"
              + " claimed_until = NULL WHERE id = ?")) {
        ps.setString(1, Sql.fit(reason, 2000));
        ps.setLong(2, deliveryId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public long countByStatus(String status) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM delivery WHERE status = ?")) {
        ps.setString(1, status);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public Optional<Instant> oldestPendingCreatedAt() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MIN(created_at) AS oldest FROM delivery WHERE status = 'PENDING'");
           ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(Sql.getInstant(rs, "oldest")) : Optional.<Instant>empty();
      }
    });
  }

  @Override
  public List<dev.newswire.news.SourceLink> alsoCoveredBy(long itemId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT f.name, f.title, i.link, i.feed_id FROM item me JOIN item i ON i.cluster_id = me.cluster_id"
              + " JOIN feed f ON f.id = i.feed_id"
              + " WHERE me.id = ? AND i.feed_id <> me.feed_id ORDER BY i.first_seen_at, i.id")) {
        ps.setLong(1, itemId);
        try (ResultSet rs = ps.executeQuery()) {
          List<dev.newswire.news.SourceLink> out = new ArrayList<>();
          java.util.Set<Long> feedsSeen = new java.util.HashSet<>();
          while (rs.next()) {
            if (!feedsSeen.add(rs.getLong("feed_id"))) continue; // one link per outlet
            String name = rs.getString("name");
            out.add(new dev.newswire.news.SourceLink(name, rs.getString("link")));
          }
          return out;
        }
      }
    });
  }

  @Override
  public List<dev.newswire.store.PendingEdit> dueEdits(Instant now, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT e.id AS edit_id, e.attempts AS edit_attempts, d.id AS delivery_id, d.platform, d.workspace, d.channel,"
              + " d.message_id, i.*, f.url AS feed_url, f.name AS feed_name"
              + " FROM delivery_edit e JOIN delivery d ON d.id = e.delivery_id JOIN item i ON i.id = d.item_id"
              + " JOIN feed f ON f.id = i.feed_id"
              + " WHERE e.status = 'PENDING' AND e.next_attempt_at <= ? AND d.status = 'SENT' AND d.message_id IS NOT NULL"
              + " ORDER BY e.id FETCH FIRST " + limit + " ROWS ONLY")) {
        Sql.setInstant(ps, 1, now);
        try (ResultSet rs = ps.executeQuery()) {
          List<dev.newswire.store.PendingEdit> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new dev.newswire.store.PendingEdit(rs.getLong("edit_id"), rs.getLong("delivery_id"),
                new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
                rs.getString("message_id"), rs.getInt("edit_attempts"), JdbcItemStore.mapStored(rs, "id")));
          }
          return out;
        }
      }
    });
  }

  @Override
  public void markEdited(long editId, Instant editedAt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery_edit SET status = 'DONE', last_edited_at = ?, edits = edits + 1, attempts = attempts + 1,"
              + " last_error = NULL WHERE id = ?")) {
        Sql.setInstant(ps, 1, editedAt);
        ps.setLong(2, editId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void scheduleEditRetry(long editId, String error, Instant nextAttemptAt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery_edit SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
        ps.setString(1, Sql.fit(error, 2000));
        Sql.setInstant(ps, 2, nextAttemptAt);
        ps.setLong(3, editId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void markEditFailed(long editId, String reason) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery_edit SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?")) {
        ps.setString(1, Sql.fit(reason, 2000));
        ps.setLong(2, editId);
        return ps.executeUpdate();
      }
    });
  }
}
