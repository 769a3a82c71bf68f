package dev.newswire.store.jdbc;

import dev.newswire.news.ChannelRef;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.IdentifiedItem;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.store.ClusterMember;
import dev.newswire.store.ItemStore;
import dev.newswire.store.PollCommit;
import dev.newswire.store.StoredItem;
import dev.newswire.store.StoryCoverage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class JdbcItemStore implements ItemStore {
  private static final int CHUNK = 200;
  static final String CATEGORY_SEPARATOR = "\u001f";

  private final Database db;

  public JdbcItemStore(Database db) {
    this.db = db;
  }

  @Override
  public KnownItems known(long feedId, Collection<IdentifiedItem> items) {
    Set<String> keys = new HashSet<>();
    Set<String> links = new HashSet<>();
    Set<String> titles = new HashSet<>();
    db.read(c -> {
      collect(c, feedId, "item_key", hashes(items, IdentifiedItem::keyHash), keys);
      collect(c, feedId, "link_hash", hashes(items, IdentifiedItem::linkHash), links);
      collect(c, feedId, "title_hash", hashes(items, IdentifiedItem::titleHash), titles);
      return null;
    });
    return new KnownItems(keys, links, titles);
  }

  private static List<String> hashes(Collection<IdentifiedItem> items, Function<IdentifiedItem, String> f) {
    return items.stream().map(f).filter(Objects::nonNull).distinct().collect(Collectors.toList());
  }

  private static void collect(Connection c, long feedId, String column, List<String> values, Set<String> found)
      throws SQLException {
    for (int from = 0; from < values.size(); from += CHUNK) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + column + " FROM item WHERE feed_id = ? AND " + column + " IN (" + marks + ")")) {
        ps.setLong(1, feedId);
        for (int i = 0; i < chunk.size(); i++) ps.setString(i + 2, chunk.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) found.add(rs.getString(1));
        }
      }
    }
  }

  @Override
  public void commitPoll(PollCommit commit) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE feed SET etag = ?, last_modified = ?, body_hash = ?, title = COALESCE(?, title), baseline_done = TRUE,"
              + " last_polled_at = ?, last_success_at = ?, last_error = NULL, consecutive_failures = 0,"
              + " next_attempt_at = NULL, paused_reason = NULL WHERE id = ?")) {
        ps.setString(1, Sql.fit(commit.validators().etag(), 1024));
        ps.setString(2, Sql.fit(commit.validators().lastModified(), 200));
        ps.setString(3, commit.validators().bodyHash());
        ps.setString(4, Sql.fit(commit.feedTitle(), 1000));
        Sql.setInstant(ps, 5, commit.polledAt());
        Sql.setInstant(ps, 6, commit.polledAt());
        ps.setLong(7, commit.feedId());
        ps.executeUpdate();
      }
      touch(c, commit);
      insertItems(c, commit.feedId(), commit.result().remembered(), false, commit.polledAt(), null, commit.clusters());
      insertItems(c, commit.feedId(), commit.result().news(), true, commit.polledAt(), commit, commit.clusters());
      return null;
    });
  }

  private static void touch(Connection c, PollCommit commit) throws SQLException {
    if (commit.result().known().isEmpty()) return;
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE item SET last_seen_at = ? WHERE feed_id = ? AND item_key = ?")) {
      for (IdentifiedItem it : commit.result().known()) {
        Sql.setInstant(ps, 1, commit.polledAt());
        ps.setLong(2, commit.feedId());
        ps.setString(3, it.keyHash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertItems(Connection c, long feedId, List<IdentifiedItem> items, boolean announced,
      Instant now, PollCommit routing, java.util.Map<String, String> clusters) throws SQLException {
    if (items.isEmpty()) return;
    String sql = "INSERT INTO item (feed_id, item_key, link_hash, title_hash, guid, title, link, summary, content_text,"
        + " author, published_at, updated_at, image, categories, announced, first_seen_at, last_seen_at, cluster_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
         PreparedStatement del = c.prepareStatement(
             "INSERT INTO delivery (item_id, platform, workspace, channel, status, attempts, next_attempt_at, created_at)"
                 + " VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
      // One row at a time so ids grow in posting order (oldest story first); the outbox is dispatched by id.
      for (IdentifiedItem it : items) {
        NewsItem n = it.item();
        ps.setLong(1, feedId);
        ps.setString(2, it.keyHash());
        ps.setString(3, it.linkHash());
        ps.setString(4, it.titleHash());
        ps.setString(5, Sql.fit(n.guid(), 2048));
        ps.setString(6, Sql.fit(n.title(), 2000));
        ps.setString(7, n.link() != null && n.link().length() <= 2048 ? n.link() : null);
        ps.setString(8, Sql.fit(n.summary(), 8000));
        ps.setString(9, Sql.fit(n.contentText(), 30000));
        ps.setString(10, Sql.fit(n.author(), 500));
        Sql.setInstant(ps, 11, n.published());
        Sql.setInstant(ps, 12, n.updated());
        ps.setString(13, n.image() != null && n.image().length() <= 2048 ? n.image() : null);
        ps.setString(14, Sql.fit(String.join(CATEGORY_SEPARATOR, n.categories()), 2000));
        ps.setBoolean(15, announced);
        Sql.setInstant(ps, 16, now);
        Sql.setInstant(ps, 17, now);
        String cluster = clusters.get(it.keyHash());
        ps.setString(18, cluster);
        ps.executeUpdate();
        if (routing == null) continue;
        long itemId;
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          itemId = keys.getLong(1);
        }
        for (ChannelRef ch : routing.routes().getOrDefault(it.keyHash(), List.of())) {
          // Only another feed's post counts: two items of one feed are two posts, as before clustering.
          Long posted = cluster == null ? null : storyPostIn(c, cluster, feedId, ch);
          if (posted != null) {
            // The channel already has this story: edit that message ("also covered by") instead of a second post.
            requestEdit(c, posted, now);
            continue;
          }
          del.setLong(1, itemId);
          del.setString(2, ch.platform());
          del.setString(3, ch.workspace());
          del.setString(4, ch.channel());
          Sql.setInstant(del, 5, now);
          Sql.setInstant(del, 6, now);
          del.executeUpdate();
        }
      }
    }
  }

  /** This channel's post of the story by another feed (any item of the cluster), or null. */
  private static Long storyPostIn(Connection c, String cluster, long feedId, ChannelRef ch) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT d.id FROM delivery d JOIN item i ON i.id = d.item_id WHERE i.cluster_id = ? AND i.feed_id <> ?"
            + " AND d.platform = ? AND d.workspace = ? AND d.channel = ? AND d.status <> 'FAILED'"
            + " ORDER BY d.id FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, cluster);
      ps.setLong(2, feedId);
      ps.setString(3, ch.platform());
      ps.setString(4, ch.workspace());
      ps.setString(5, ch.channel());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Edit interval per message: a busy story updates its card at most once a minute. */
  public static final java.time.Duration EDIT_INTERVAL = java.time.Duration.ofMinutes(1);

  /**
   * One edit row per message: created due now, or re-armed for max(now, last edit + 1 min); a row already pending
   * absorbs the new outlet (the edit renders the whole cluster when it is sent).
   */
  static void requestEdit(Connection c, long deliveryId, Instant now) throws SQLException {
    String status = null;
    Instant lastEdited = null;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT status, last_edited_at FROM delivery_edit WHERE delivery_id = ?")) {
      ps.setLong(1, deliveryId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          status = rs.getString(1);
          lastEdited = Sql.getInstant(rs, "last_edited_at");
        }
      }
    }
    if ("PENDING".equals(status)) return;
    Instant notBefore = lastEdited != null && lastEdited.plus(EDIT_INTERVAL).isAfter(now) ? lastEdited.plus(EDIT_INTERVAL) : now;
    if (status == null) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO delivery_edit (delivery_id, kind, status, attempts, next_attempt_at, edits, created_at)"
              + " VALUES (?, 'edit', 'PENDING', 0, ?, 0, ?)")) {
        ps.setLong(1, deliveryId);
        Sql.setInstant(ps, 2, notBefore);
        Sql.setInstant(ps, 3, now);
        ps.executeUpdate();
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE delivery_edit SET status = 'PENDING', attempts = 0, last_error = NULL, next_attempt_at = ?"
              + " WHERE delivery_id = ?")) {
        Sql.setInstant(ps, 1, notBefore);
        ps.setLong(2, deliveryId);
        ps.executeUpdate();
      }
    }
  }

  @Override
  public List<dev.newswire.store.ClusteredItem> clusteredSince(Instant cutoff) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, feed_id, cluster_id, link, title, summary, published_at, first_seen_at FROM item"
              + " WHERE cluster_id IS NOT NULL AND first_seen_at >= ? ORDER BY first_seen_at, id")) {
        Sql.setInstant(ps, 1, cutoff);
        try (ResultSet rs = ps.executeQuery()) {
          List<dev.newswire.store.ClusteredItem> out = new ArrayList<>();
          while (rs.next()) {
            Instant seen = Sql.getInstant(rs, "first_seen_at");
            Instant published = Sql.getInstant(rs, "published_at");
            out.add(new dev.newswire.store.ClusteredItem(rs.getLong("id"), rs.getLong("feed_id"), rs.getString("cluster_id"),
                rs.getString("link"), rs.getString("title"), rs.getString("summary"),
                published != null && published.isBefore(seen) ? published : seen));
          }
          return out;
        }
      }
    });
  }

  @Override
  public Optional<StoredItem> find(long itemId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT i.*, f.url AS feed_url, f.name AS feed_name FROM item i JOIN feed f ON f.id = i.feed_id WHERE i.id = ?")) {
        ps.setLong(1, itemId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(mapStored(rs, "id")) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Map<Long, StoredItem> findAll(Collection<Long> itemIds) {
    List<Long> ids = itemIds.stream().distinct().toList();
    return db.read(c -> {
      Map<Long, StoredItem> out = new HashMap<>();
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        try (PreparedStatement ps = c.prepareStatement(STORED_SELECT + " WHERE i.id IN (" + marks(chunk.size()) + ")")) {
          bindLongs(ps, 1, chunk);
          for (StoredItem s : storedList(ps)) out.put(s.id(), s);
        }
      }
      return out;
    });
  }

  /**
   * Two look-ups, each on an index (primary key, then item_cluster): the asked items' clusters, then all members
   * of those clusters. A self-join in one statement let H2 pick a plan that scanned the whole item table (0.7 s
   * per search at 100,000 items). Asked items without a cluster stay absent.
   */
  @Override
  public Map<Long, StoryCoverage> coverage(Collection<Long> itemIds) {
    List<Long> ids = itemIds.stream().distinct().toList();
    return db.read(c -> {
      Map<Long, String> clusterOf = new LinkedHashMap<>();
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cluster_id FROM item WHERE id IN ("
            + marks(chunk.size()) + ") AND cluster_id IS NOT NULL")) {
          bindLongs(ps, 1, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) clusterOf.put(rs.getLong(1), rs.getString(2));
          }
        }
      }
      List<String> clusters = clusterOf.values().stream().distinct().toList();
      Map<String, List<ClusterMember>> members = new HashMap<>();
      for (int from = 0; from < clusters.size(); from += CHUNK) {
        List<String> chunk = clusters.subList(from, Math.min(clusters.size(), from + CHUNK));
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT i.id, i.feed_id, i.cluster_id, i.link, i.first_seen_at, f.name AS feed_name"
                + " FROM item i JOIN feed f ON f.id = i.feed_id WHERE i.cluster_id IN (" + marks(chunk.size()) + ")"
                + " ORDER BY i.first_seen_at, i.id")) {
          for (int k = 0; k < chunk.size(); k++) ps.setString(k + 1, chunk.get(k));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              members.computeIfAbsent(rs.getString("cluster_id"), k -> new ArrayList<>()).add(new ClusterMember(
                  rs.getLong("id"), rs.getLong("feed_id"), rs.getString("feed_name"), rs.getString("link"),
                  Sql.getInstant(rs, "first_seen_at")));
            }
          }
        }
      }
      // Several asked items of one cluster share the (immutable) coverage instead of each getting a copy.
      Map<String, StoryCoverage> byCluster = new HashMap<>();
      Map<Long, StoryCoverage> out = new HashMap<>();
      clusterOf.forEach((asked, cluster) -> {
        List<ClusterMember> list = members.get(cluster);
        if (list != null) out.put(asked, byCluster.computeIfAbsent(cluster, id -> new StoryCoverage(id, list)));
      });
      return out;
    });
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static void bindLongs(PreparedStatement ps, int first, List<Long> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) ps.setLong(first + i, values.get(i));
  }

  @Override
  public long count() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public int forgetNotSeenSince(Instant cutoff) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM item WHERE last_seen_at < ? AND NOT EXISTS"
              + " (SELECT 1 FROM delivery d WHERE d.item_id = item.id AND d.status = 'PENDING')")) {
        Sql.setInstant(ps, 1, cutoff);
        return ps.executeUpdate();
      }
    });
  }

  private static final String STORED_SELECT =
      "SELECT i.*, f.url AS feed_url, f.name AS feed_name FROM item i JOIN feed f ON f.id = i.feed_id";

  @Override
  public List<StoredItem> latest(int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(STORED_SELECT
          + " ORDER BY i.first_seen_at DESC, i.published_at DESC, i.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
        return storedList(ps);
      }
    });
  }

  @Override
  public List<StoredItem> after(long afterId, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(STORED_SELECT
          + " WHERE i.id > ? ORDER BY i.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
        ps.setLong(1, afterId);
        return storedList(ps);
      }
    });
  }

  @Override
  public long countFirstSeenSince(Instant since) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item WHERE first_seen_at >= ?")) {
        Sql.setInstant(ps, 1, since);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static List<StoredItem> storedList(PreparedStatement ps) throws SQLException {
    List<StoredItem> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(mapStored(rs, "id"));
    }
    return out;
  }

  static StoredItem mapStored(ResultSet rs, String idColumn) throws SQLException {
    String cats = rs.getString("categories");
    List<String> categories = cats == null || cats.isEmpty()
        ? List.of() : new ArrayList<>(Arrays.asList(cats.split(CATEGORY_SEPARATOR)));
    NewsItem item = new NewsItem(
        rs.getString("guid"),
        rs.getString("title"),
        rs.getString("link"),
        rs.getString("summary"),
        rs.getString("content_text"),
        rs.getString("author"),
        Sql.getInstant(rs, "published_at"),
        Sql.getInstant(rs, "updated_at"),
        categories,
        rs.getString("image"),
        List.of());
    return new StoredItem(rs.getLong(idColumn), rs.getLong("feed_id"), rs.getString("feed_url"),
        rs.getString("feed_name"), item, Sql.getInstant(rs, "first_seen_at"));
  }
}
