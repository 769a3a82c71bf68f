package dev.newswire.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

  @Test
  void searchIndexLivesBesideAnH2FileAndInMemoryOtherwise() {
    assertThat(StorageConfig.defaults().searchIndexDir()).contains(Path.of("./data/newswire.search"));
    assertThat(new StorageConfig("jdbc:h2:file:/srv/nw/db;MODE=PostgreSQL", null, null).searchIndexDir())
        .contains(Path.of("/srv/nw/db.search"));
    assertThat(new StorageConfig("jdbc:h2:mem:x", null, null).searchIndexDir()).isEmpty();
    assertThat(new StorageConfig("jdbc:postgresql://db/newswire", null, null).searchIndexDir()).isEmpty();
  }

  @Test
  void anExplicitDirectoryOrMemoryWins() {
    assertThat(new StorageConfig("jdbc:postgresql://db/newswire", null, null, "/var/lib/nw/search").searchIndexDir())
        .contains(Path.of("/var/lib/nw/search"));
    assertThat(new StorageConfig(null, null, null, "memory").searchIndexDir()).isEmpty();
  }

  @Test
  void theYamlKeyIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("newswire.yaml");
    java.nio.file.Files.writeString(yaml, "storage:\n  url: jdbc:h2:mem:x\n  searchIndex: /tmp/nw-index\n");
    NewswireConfig c = new ConfigLoader(java.util.Map.of()).load(yaml);
    assertThat(c.storage().searchIndexDir()).contains(Path.of("/tmp/nw-index"));
  }
}
