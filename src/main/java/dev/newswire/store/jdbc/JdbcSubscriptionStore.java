package dev.newswire.store.jdbc;

import dev.newswire.news.ChannelRef;
import dev.newswire.store.SubscriptionStore;
import dev.newswire.subscription.ChannelFilter;
import dev.newswire.subscription.FilterPattern;
import dev.newswire.subscription.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class JdbcSubscriptionStore implements SubscriptionStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcSubscriptionStore.class);
  private static final String SUB_COLUMNS =
      "id, platform, workspace, channel, kind, target, mode, delivery_time, timezone, paused_reason, created_at";
  private static final String FILTER_COLUMNS = "id, platform, workspace, channel, action, pattern_kind, pattern, field";

  private final Database db;
  private final Clock clock;

  public JdbcSubscriptionStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Subscription upsert(Subscription s) {
    return db.inTransaction(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE subscription SET mode = ?, delivery_time = ?, timezone = ?,"
          + " paused_reason = NULL WHERE platform = ? AND workspace = ? AND channel = ? AND kind = ? AND target = ?")) {
        up.setString(1, s.mode());
        up.setString(2, s.time());
        up.setString(3, s.timezone());
        bindKey(up, 4, s.channel(), s.kind(), s.target());
        if (up.executeUpdate() == 0) {
          try (PreparedStatement ins = c.prepareStatement("INSERT INTO subscription (platform, workspace, channel, kind,"
              + " target, mode, delivery_time, timezone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindKey(ins, 1, s.channel(), s.kind(), s.target());
            ins.setString(6, s.mode());
            ins.setString(7, s.time());
            ins.setString(8, s.timezone());
            Sql.setInstant(ins, 9, clock.instant());
            ins.executeUpdate();
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SUB_COLUMNS + " FROM subscription WHERE platform = ?"
          + " AND workspace = ? AND channel = ? AND kind = ? AND target = ?")) {
        bindKey(ps, 1, s.channel(), s.kind(), s.target());
        return subs(ps).get(0);
      }
    });
  }

  private static void bindKey(PreparedStatement ps, int from, ChannelRef ch, String kind, String target)
      throws SQLException {
    ps.setString(from, ch.platform());
    ps.setString(from + 1, ch.workspace());
    ps.setString(from + 2, ch.channel());
    ps.setString(from + 3, kind);
    ps.setString(from + 4, Sql.fit(target, 2048));
  }

  @Override
  public boolean remove(ChannelRef channel, String kind, String target) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE platform = ? AND workspace = ?"
          + " AND channel = ? AND kind = ? AND target = ?")) {
        bindKey(ps, 1, channel, kind, target);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<Subscription> forChannel(ChannelRef ch) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SUB_COLUMNS + " FROM subscription WHERE platform = ?"
          + " AND workspace = ? AND channel = ? ORDER BY id")) {
        bindChannel(ps, ch);
        return subs(ps);
      }
    });
  }

  @Override
  public List<Subscription> all() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SUB_COLUMNS + " FROM subscription ORDER BY id")) {
        return subs(ps);
      }
    });
  }

  @Override
  public List<Subscription> activeInstant() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SUB_COLUMNS
          + " FROM subscription WHERE mode = 'instant' AND paused_reason IS NULL ORDER BY id")) {
        return subs(ps);
      }
    });
  }

  @Override
  public ChannelFilter addFilter(ChannelRef ch, String action, FilterPattern pattern, String field) {
    return db.inTransaction(c -> {
      Optional<ChannelFilter> existing = findFilter(c, ch, action, pattern, field);
      if (existing.isPresent()) return existing.get();
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO channel_filter (platform, workspace, channel, action,"
          + " pattern_kind, pattern, field, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindChannel(ins, ch);
        ins.setString(4, action);
        ins.setString(5, pattern.kind().id());
        ins.setString(6, pattern.pattern());
        ins.setString(7, field);
        Sql.setInstant(ins, 8, clock.instant());
        ins.executeUpdate();
      }
      return findFilter(c, ch, action, pattern, field).orElseThrow();
    });
  }

  private Optional<ChannelFilter> findFilter(Connection c, ChannelRef ch, String action, FilterPattern pattern,
      String field) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + FILTER_COLUMNS + " FROM channel_filter WHERE platform = ?"
        + " AND workspace = ? AND channel = ? AND action = ? AND pattern_kind = ? AND pattern = ? AND field = ?")) {
      bindChannel(ps, ch);
      ps.setString(4, action);
      ps.setString(5, pattern.kind().id());
      ps.setString(6, pattern.pattern());
      ps.setString(7, field);
      List<ChannelFilter> found = filters(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  @Override
  public boolean removeFilter(ChannelRef ch, long filterId) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM channel_filter WHERE id = ? AND platform = ?"
          + " AND workspace = ? AND channel = ?")) {
        ps.setLong(1, filterId);
        ps.setString(2, ch.platform());
        ps.setString(3, ch.workspace());
        ps.setString(4, ch.channel());
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<ChannelFilter> filters(ChannelRef ch) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + FILTER_COLUMNS + " FROM channel_filter WHERE platform = ?"
          + " AND workspace = ? AND channel = ? ORDER BY id")) {
        bindChannel(ps, ch);
        return filters(ps);
      }
    });
  }

  @Override
  public List<ChannelFilter> allFilters() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + FILTER_COLUMNS + " FROM channel_filter ORDER BY id")) {
        return filters(ps);
      }
    });
  }

  private static void bindChannel(PreparedStatement ps, ChannelRef ch) throws SQLException {
    ps.setString(1, ch.platform());
    ps.setString(2, ch.workspace());
    ps.setString(3, ch.channel());
  }

  private static List<Subscription> subs(PreparedStatement ps) throws SQLException {
    List<Subscription> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Subscription(rs.getLong("id"),
            new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
            rs.getString("kind"), rs.getString("target"), rs.getString("mode"), rs.getString("delivery_time"),
            rs.getString("timezone"), rs.getString("paused_reason"), Sql.getInstant(rs, "created_at")));
      }
    }
    return out;
  }

  private static List<ChannelFilter> filters(PreparedStatement ps) throws SQLException {
    List<ChannelFilter> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        FilterPattern p;
        try {
          p = FilterPattern.of(FilterPattern.Kind.of(rs.getString("pattern_kind")), rs.getString("pattern"));
        } catch (IllegalArgumentException e) {
          log.warn("Ignoring stored filter #{}: {}", rs.getLong("id"), e.getMessage());
          continue;
        }
        out.add(new ChannelFilter(rs.getLong("id"),
            new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
            rs.getString("action"), p, rs.getString("field")));
      }
    }
    return out;
  }
}
