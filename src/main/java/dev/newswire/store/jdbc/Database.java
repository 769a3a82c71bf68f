package dev.newswire.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.newswire.config.StorageConfig;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool, the migrations, and transactions. */
public final class Database implements AutoCloseable {

  /** Work done inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static Database open(StorageConfig storage, String password) {
    return open(storage, password, null);
  }

  /** @param poolMetrics reports pool metrics (HikariCP's Micrometer tracker), or null */
  public static Database open(StorageConfig storage, String password, MetricsTrackerFactory poolMetrics) {
    HikariConfig hc = new HikariConfig();
    if (poolMetrics != null) hc.setMetricsTrackerFactory(poolMetrics);
    hc.setJdbcUrl(storage.url());
    if (storage.user() != null) hc.setUsername(storage.user());
    if (password != null) hc.setPassword(password);
    hc.setMaximumPoolSize(storage.poolSize());
    hc.setPoolName("newswire-db");
    hc.setAutoCommit(true);
    hc.setConnectionTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StorageException("Cannot open the database at " + storage.url() + ": " + rootMessage(e)
          + ". Check storage.url (and NEWSWIRE_DB_PASSWORD for PostgreSQL), and that the server is running.", e);
    }
    Database db = new Database(ds);
    db.migrate();
    return db;
  }

  private void migrate() {
    try {
      // PostgreSQL also gets Quartz's JDBC job store tables (V31), used when cluster.enabled is true.
      String[] locations = isPostgres()
          ? new String[] {"classpath:db/migration", "classpath:db/migration-postgres"}
          : new String[] {"classpath:db/migration"};
      Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StorageException("Database migration failed: " + rootMessage(e), e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("Database error: " + e.getMessage(), e);
    }
  }

  public <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException("Database error: " + e.getMessage(), e);
    }
  }

  public boolean isPostgres() {
    return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
  }

  @Override
  public void close() {
    dataSource.close();
  }

  static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
  }
}
