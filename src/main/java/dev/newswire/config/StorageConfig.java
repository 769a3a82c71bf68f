package dev.newswire.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where state lives. The password never comes from the YAML file: it is read from NEWSWIRE_DB_PASSWORD.
 *
 * @param url         JDBC URL: jdbc:h2:file:./data/newswire (default, embedded) or jdbc:postgresql://host/db
 * @param user        database user (optional)
 * @param poolSize    connection pool size
 * @param searchIndex directory of the full-text search index, or {@value #MEMORY}; unset means beside an H2 file
 *                    database ({@code <file>.search}) and in memory otherwise. On disk, a restart only indexes what
 *                    is new instead of every stored story again.
 */
public record StorageConfig(String url, String user, Integer poolSize, String searchIndex) {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/newswire";
  public static final String MEMORY = "memory";
  private static final String H2_FILE = "jdbc:h2:file:";

  public StorageConfig {
    url = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
    poolSize = poolSize == null ? 8 : poolSize;
    searchIndex = searchIndex == null || searchIndex.isBlank() ? null : searchIndex.trim();
  }

  public StorageConfig(String url, String user, Integer poolSize) {
    this(url, user, poolSize, null);
  }

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null, null);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The search index directory, or empty for an in-memory index. */
  public Optional<Path> searchIndexDir() {
    if (MEMORY.equalsIgnoreCase(searchIndex)) return Optional.empty();
    if (searchIndex != null) return Optional.of(Path.of(searchIndex));
    if (!url.startsWith(H2_FILE)) return Optional.empty();
    String file = url.substring(H2_FILE.length());
    int options = file.indexOf(';');
    if (options >= 0) file = file.substring(0, options);
    if (file.startsWith("~")) file = System.getProperty("user.home") + file.substring(1);
    return Optional.of(Path.of(file + ".search"));
  }
}
