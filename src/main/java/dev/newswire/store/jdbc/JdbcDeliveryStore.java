package dev.newswire.store.jdbc;

import dev.newswire.delivery.ChannelRef;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.PendingDelivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcDeliveryStore implements DeliveryStore {
  private final Database db;

  public JdbcDeliveryStore(Database db) {
    this.db = db;
  }

  @Override
  public List<PendingDelivery> due(Instant now, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT d.id AS delivery_id, d.platform, d.workspace, d.channel, d.attempts, i.*,"
              + " f.url AS feed_url, f.name AS feed_name"
              + " FROM delivery d JOIN item i ON i.id = d.item_id JOIN feed f ON f.id = i.feed_id"
              + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY")) {
        Sql.setInstant(ps, 1, now);
        try (ResultSet rs = ps.executeQuery()) {
          List<PendingDelivery> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new PendingDelivery(
                rs.getLong("delivery_id"),
                new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
                rs.getInt("attempts"),
                JdbcItemStore.mapStored(rs, "id")));
          }
          return out;
        }
      }
    });
  }

  @Override
  public void markSent(long deliveryId, String messageId, Instant sentAt) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET status = 'SENT', message_id = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL"
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
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
        ps.setString(1, Sql.fit(error, 2000));
        Sql.setInstant(ps, 2, nextAttemptAt);
        ps.setLong(3, deliveryId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void markFailed(long deliveryId, String reason) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?")) {
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
