package dev.newswire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of());

  @Test
  void defaultConfigIsValidAndCurated() {
    NewswireConfig c = loader.load(Path.of("config/newswire.yaml"));
    assertThat(c.feeds()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(c.feeds()).allSatisfy(f -> {
      assertThat(f.name()).isNotBlank();
      assertThat(f.url()).startsWith("https://");
    });
    assertThat(c.polling().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.storage().url()).isEqualTo("jdbc:h2:file:./data/newswire");
    assertThat(c.network().allowPrivateAddresses()).isFalse();
    assertThat(c.network().maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
  }

  @Test
  void clusteringSectionAndDefaults() {
    NewswireConfig c = loader.load(Path.of("config/newswire.yaml"));
    assertThat(c.clustering().enabled()).isTrue();
    assertThat(c.clustering().window()).isEqualTo(Duration.ofHours(48));
    NewswireConfig custom = loader.parse("clustering:\n  enabled: false\n  window: 12h\n  threshold: 0.6\n"
        + "  minEntityOverlap: 3\n", "x.yaml");
    assertThat(custom.clustering()).isEqualTo(new ClusteringConfig(false, Duration.ofHours(12), 0.6, 3));
    assertThat(loader.parse("", "empty.yaml").clustering()).isEqualTo(ClusteringConfig.defaults());
    assertThat(NewswireConfig.defaults().withClustering(ClusteringConfig.disabled()).clustering().enabled()).isFalse();
    assertThatThrownBy(() -> loader.parse("clustering:\n  threshold: 2\n", "x.yaml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("clustering.threshold");
  }

  @Test
  void emptyFileMeansDefaults() {
    NewswireConfig c = loader.parse("", "empty.yaml");
    assertThat(c.polling().retention()).isEqualTo(Duration.ofDays(90));
    assertThat(c.feeds()).isEmpty();
  }

  @Test
  void unknownKeyIsNamedWithItsPath() {
    assertThatThrownBy(() -> loader.parse("polling:\n  intervall: 5m\n", "x.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("x.yaml")
        .hasMessageContaining("polling.intervall")
        .hasMessageContaining("interval");
  }

  @Test
  void badDurationSaysHowToWriteIt() {
    assertThatThrownBy(() -> loader.parse("polling:\n  interval: soon\n", "x.yaml"))
        .hasMessageContaining("polling.interval")
        .hasMessageContaining("15m");
  }

  @Test
  void badFeedsAreAllReported() {
    String yaml = "feeds:\n  - { name: A, url: 'ftp://x/feed' }\n  - { url: 'https://y/feed' }\n"
        + "  - { name: C, url: 'https://y/feed' }\n";
    assertThatThrownBy(() -> loader.parse(yaml, "x.yaml"))
        .hasMessageContaining("feeds[0].url")
        .hasMessageContaining("feeds[1].name")
        .hasMessageContaining("feeds[2].url")
        .hasMessageContaining("3 problems");
  }

  @Test
  void sizesAndDurationsReadTheHumanWay() {
    NewswireConfig c = loader.parse("network:\n  maxBodyBytes: 512KB\n  readTimeout: 2s\npolling:\n  retention: 30d\n", "x");
    assertThat(c.network().maxBodyBytes()).isEqualTo(512 * 1024);
    assertThat(c.network().readTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.polling().retention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void secretsComeFromTheEnvironmentAndNeverPrint() {
    ConfigLoader withEnv = new ConfigLoader(Map.of("DISCORD_TOKEN", "super-secret-token", "SLACK_BOT_TOKEN", "xoxb-secret"));
    NewswireConfig c = withEnv.parse("", "x");
    assertThat(c.secrets().hasDiscord()).isTrue();
    assertThat(c.toString()).doesNotContain("super-secret-token").doesNotContain("xoxb-secret");
  }

  @Test
  void configPathPrecedence() {
    ConfigLoader withEnv = new ConfigLoader(Map.of("NEWSWIRE_CONFIG", "/etc/nw.yaml"));
    assertThat(withEnv.choosePath(null)).isEqualTo(Path.of("/etc/nw.yaml"));
    assertThat(withEnv.choosePath(Path.of("a.yaml"))).isEqualTo(Path.of("a.yaml"));
    assertThat(loader.choosePath(null)).isEqualTo(Path.of("config/newswire.yaml"));
  }

  @Test
  void missingFileSaysWhatToDo() {
    assertThatThrownBy(() -> loader.load(Path.of("nope/missing.yaml")))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("--config");
  }

  @Test
  void clusterNeedsPostgresAndCanComeFromTheEnvironment() {
    assertThatThrownBy(() -> loader.parse("cluster:\n  enabled: true\n", "x.yaml"))
        .hasMessageContaining("cluster.enabled").hasMessageContaining("PostgreSQL").hasMessageContaining("jdbc:h2:");
    NewswireConfig c = loader.parse("storage:\n  url: jdbc:postgresql://db:5432/newswire\ncluster:\n  enabled: true\n"
        + "  claimLease: 30s\n", "x.yaml");
    assertThat(c.cluster().enabled()).isTrue();
    assertThat(c.cluster().instanceId()).isEqualTo(ClusterConfig.AUTO);
    assertThat(c.cluster().claimLease()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(NewswireConfig.defaults().cluster().enabled()).isFalse();
    NewswireConfig fromEnv = new ConfigLoader(java.util.Map.of("NEWSWIRE_DB_URL", "jdbc:postgresql://db/newswire",
        "NEWSWIRE_DB_USER", "newswire", "NEWSWIRE_CLUSTER_ENABLED", "true")).parse("", "empty.yaml");
    assertThat(fromEnv.storage().url()).isEqualTo("jdbc:postgresql://db/newswire");
    assertThat(fromEnv.storage().user()).isEqualTo("newswire");
    assertThat(fromEnv.cluster().enabled()).isTrue();
    assertThat(fromEnv.withCluster(ClusterConfig.defaults()).cluster().enabled()).isFalse();
  }
}
