package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void defaultsAndYaml() {
    NewswireConfig none = new ConfigLoader(Map.of()).parse("", "t");
    assertThat(none.slack().apiBaseUrl()).isEqualTo("https://slack.com/api/");
    assertThat(none.slack().port()).isEqualTo(3000);
    assertThat(none.slack().socketMode()).isFalse();
    NewswireConfig set = new ConfigLoader(Map.of("SLACK_BOT_TOKEN", "xoxb-1"))
        .parse("slack:\n  apiBaseUrl: http://127.0.0.1:9/api\n  port: 8080\n  socketMode: true\n", "t");
    assertThat(set.slack().apiBaseUrl()).isEqualTo("http://127.0.0.1:9/api/");
    assertThat(set.slack().port()).isEqualTo(8080);
    assertThat(set.slack().socketMode()).isTrue();
    assertThat(set.secrets().hasSlack()).isTrue();
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse("slack:\n  port: 70000\n", "t"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("slack.port");
  }
}
