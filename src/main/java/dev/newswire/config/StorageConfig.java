package dev.newswire.config;

/**
 * Where state lives. The password never comes from the YAML file: it is read from NEWSWIRE_DB_PASSWORD.
 *
 * @param url      JDBC URL: jdbc:h2:file:./data/newswire (default, embedded) or jdbc:postgresql://host/db
 * @param user     database user (optional)
 * @param poolSize connection pool size
 */
public record StorageConfig(String url, String user, Integer poolSize) {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/newswire";

  public StorageConfig {
    url = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
    poolSize = poolSize == null ? 8 : poolSize;
  }

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
