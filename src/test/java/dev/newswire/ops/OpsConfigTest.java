package dev.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsConfigTest {

  @Test
  void defaultsAreLocalhost8080TextLogs() {
    NewswireConfig c = new ConfigLoader(Map.of()).parse("feeds: []\n", "t.yaml");
    assertThat(c.ops().port()).isEqualTo(8080);
    assertThat(c.ops().bind()).isEqualTo("127.0.0.1");
    assertThat(c.ops().enabled()).isTrue();
    assertThat(c.logging().json()).isFalse();
  }

  @Test
  void readsOpsAndLoggingAndTheContainerOverride() {
    String yaml = "ops:\n  port: 9090\n  enabled: false\nlogging:\n  format: JSON\n";
    NewswireConfig c = new ConfigLoader(Map.of("NEWSWIRE_OPS_BIND", "0.0.0.0")).parse(yaml, "t.yaml");
    assertThat(c.ops().port()).isEqualTo(9090);
    assertThat(c.ops().bind()).isEqualTo("0.0.0.0");
    assertThat(c.ops().enabled()).isFalse();
    assertThat(c.logging().json()).isTrue();
  }

  @Test
  void badValuesNameTheirKeys() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse("logging:\n  format: xml\nops:\n  port: 70000\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("logging.format: 'xml' is not known; use text or json")
        .hasMessageContaining("ops.port: must be between 0 and 65535");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse("ops:\n  prot: 1\n", "t.yaml"))
        .hasMessageContaining("unknown key 'ops.prot'");
  }
}
