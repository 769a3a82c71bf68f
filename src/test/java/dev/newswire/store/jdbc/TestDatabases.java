package dev.newswire.store.jdbc;

import dev.newswire.config.StorageConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Databases for tests: a private in-memory H2, or a private schema on the local PostgreSQL (NEWSWIRE_TEST_PG_URL,
 * default jdbc:postgresql://127.0.0.1:5432/test as user postgres).
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static StorageConfig h2() {
    return new StorageConfig("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, 4);
  }

  public static String postgresBaseUrl() {
    String env = System.getenv("NEWSWIRE_TEST_PG_URL");
    return env != null && !env.isBlank() ? env : "jdbc:postgresql://127.0.0.1:5432/test";
  }

  public static String postgresUser() {
    String env = System.getenv("NEWSWIRE_TEST_PG_USER");
    return env != null && !env.isBlank() ? env : "postgres";
  }

  /**
   * Null when PostgreSQL answers; otherwise the reason, and the caller skips with it. With
   * NEWSWIRE_TEST_REQUIRE_PG=true (set by CI) an absent database fails instead of skipping.
   */
  public static String postgresUnavailableReason() {
    try (Connection c = DriverManager.getConnection(postgresBaseUrl(), postgresUser(), System.getenv("NEWSWIRE_DB_PASSWORD"))) {
      return null;
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("NEWSWIRE_TEST_REQUIRE_PG"))) {
        throw new IllegalStateException("NEWSWIRE_TEST_REQUIRE_PG is set but PostgreSQL at " + postgresBaseUrl()
            + " is not reachable: " + e.getMessage(), e);
      }
      return "PostgreSQL tests skipped: no database at " + postgresBaseUrl() + " (" + e.getMessage()
          + "). Start it or set NEWSWIRE_TEST_PG_URL.";
    }
  }

  /** A fresh schema so tests never see each other's rows. */
  public static StorageConfig postgresFreshSchema() {
    String schema = "nw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(postgresBaseUrl(), postgresUser(), System.getenv("NEWSWIRE_DB_PASSWORD"));
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String sep = postgresBaseUrl().contains("?") ? "&" : "?";
    return new StorageConfig(postgresBaseUrl() + sep + "currentSchema=" + schema, postgresUser(), 4);
  }
}
