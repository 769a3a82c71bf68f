package dev.newswire.store.jdbc;

import dev.newswire.news.ChannelRef;
import dev.newswire.store.ChannelOptionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

public final class JdbcChannelOptionStore implements ChannelOptionStore {
  private final Database db;

  public JdbcChannelOptionStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean threadPerStory(ChannelRef ch) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT thread_per_story FROM channel_option WHERE platform = ? AND workspace = ? AND channel = ?")) {
        ps.setString(1, ch.platform());
        ps.setString(2, ch.workspace());
        ps.setString(3, ch.channel());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    });
  }

  @Override
  public void setThreadPerStory(ChannelRef ch, boolean on) {
    db.inTransaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE channel_option SET thread_per_story = ? WHERE platform = ? AND workspace = ? AND channel = ?")) {
        up.setBoolean(1, on);
        up.setString(2, ch.platform());
        up.setString(3, ch.workspace());
        up.setString(4, ch.channel());
        if (up.executeUpdate() > 0) return null;
      }
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO channel_option (platform, workspace, channel, thread_per_story) VALUES (?, ?, ?, ?)")) {
        ins.setString(1, ch.platform());
        ins.setString(2, ch.workspace());
        ins.setString(3, ch.channel());
        ins.setBoolean(4, on);
        ins.executeUpdate();
      }
      return null;
    });
  }
}
