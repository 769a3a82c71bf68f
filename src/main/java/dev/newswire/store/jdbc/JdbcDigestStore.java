package dev.newswire.store.jdbc;

import dev.newswire.store.DigestCandidate;
import dev.newswire.store.DigestStore;
import dev.newswire.store.StoredItem;
import dev.newswire.store.StoryCoverage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JdbcDigestStore implements DigestStore {
  private final Database db;
  private final JdbcItemStore items;

  public JdbcDigestStore(Database db) {
    this.db = db;
    this.items = new JdbcItemStore(db);
  }

  @Override
  public Optional<Instant> lastDigestAt(long subscriptionId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT last_digest_at FROM subscription WHERE id = ?")) {
        ps.setLong(1, subscriptionId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(Sql.getInstant(rs, "last_digest_at")) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void markDigested(Collection<Long> subscriptionIds, Instant at) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE subscription SET last_digest_at = ? WHERE id = ?")) {
        for (long id : subscriptionIds) {
          Sql.setInstant(ps, 1, at);
          ps.setLong(2, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<DigestCandidate> announcedBetween(Instant since, Instant until, int limit) {
    List<StoredItem> stories = db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT i.*, f.url AS feed_url, f.name AS feed_name FROM item i JOIN feed f ON f.id = i.feed_id"
              + " WHERE i.announced = TRUE AND i.first_seen_at > ? AND i.first_seen_at <= ?"
              + " ORDER BY i.first_seen_at DESC, i.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
        Sql.setInstant(ps, 1, since);
        Sql.setInstant(ps, 2, until);
        try (ResultSet rs = ps.executeQuery()) {
          List<StoredItem> out = new ArrayList<>();
          while (rs.next()) out.add(JdbcItemStore.mapStored(rs, "id"));
          return out;
        }
      }
    });
    // A story's size is its cluster's outlets, including ones outside the window or first seen as a baseline.
    Map<Long, StoryCoverage> coverage = items.coverage(stories.stream().map(StoredItem::id).toList());
    return stories.stream().map(s -> new DigestCandidate(s, coverage.get(s.id()))).toList();
  }
}
