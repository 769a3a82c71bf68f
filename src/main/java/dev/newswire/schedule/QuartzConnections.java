package dev.newswire.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Quartz's JDBC job store on our own HikariCP pool, so the app and Quartz share one pool and one configuration. */
final class QuartzConnections implements ConnectionProvider {
  private final DataSource dataSource;

  QuartzConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // the pool belongs to the app, which closes it
  }

  @Override
  public void initialize() {
    // nothing: the pool is open already
  }
}
