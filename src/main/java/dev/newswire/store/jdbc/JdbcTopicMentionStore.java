package dev.newswire.store.jdbc;

import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.Mention;
import dev.newswire.store.TopicMention;
import dev.newswire.store.TopicMentionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

public final class JdbcTopicMentionStore implements TopicMentionStore {
  private final Database db;
  private final Clock clock;

  public JdbcTopicMentionStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean add(ChannelRef ch, String topic, Mention target) {
    return db.inTransaction(c -> {
      // Check first instead of catching the key violation: PostgreSQL aborts the transaction on a violation.
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM topic_mention WHERE platform = ? AND workspace = ?"
          + " AND channel = ? AND topic = ? AND target_kind = ? AND target_id = ?")) {
        bind(ps, ch, topic, target);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) return false;
        }
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO topic_mention (platform, workspace, channel, topic,"
          + " target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        bind(ins, ch, topic, target);
        Sql.setInstant(ins, 7, clock.instant());
        ins.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public int remove(ChannelRef ch, String topic, Mention target) {
    return db.inTransaction(c -> {
      String sql = "DELETE FROM topic_mention WHERE platform = ? AND workspace = ? AND channel = ? AND topic = ?"
          + (target == null ? "" : " AND target_kind = ? AND target_id = ?");
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (target == null) {
          bindChannel(ps, ch);
          ps.setString(4, topic);
        } else {
          bind(ps, ch, topic, target);
        }
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<TopicMention> forChannel(ChannelRef ch) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT topic, target_kind, target_id FROM topic_mention"
          + " WHERE platform = ? AND workspace = ? AND channel = ? ORDER BY topic, created_at, target_kind, target_id")) {
        bindChannel(ps, ch);
        List<TopicMention> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TopicMention(ch, rs.getString(1), new Mention(Mention.Kind.of(rs.getString(2)), rs.getString(3))));
          }
        }
        return out;
      }
    });
  }

  private static void bindChannel(PreparedStatement ps, ChannelRef ch) throws java.sql.SQLException {
    ps.setString(1, ch.platform());
    ps.setString(2, ch.workspace());
    ps.setString(3, ch.channel());
  }

  private static void bind(PreparedStatement ps, ChannelRef ch, String topic, Mention target) throws java.sql.SQLException {
    bindChannel(ps, ch);
    ps.setString(4, topic);
    ps.setString(5, target.kind().id());
    ps.setString(6, target.id());
  }
}
