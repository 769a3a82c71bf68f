package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NewswireConfig;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackRuntimeTest {

  static NewswireConfig config(Map<String, String> env, String yaml) {
    return new ConfigLoader(env).parse(yaml, "t");
  }

  @Test
  void modeFollowsTokensAndSettings() {
    assertThat(SlackRuntime.fromConfig(config(Map.of(), ""), SlackRuntime.NO_COMMANDS, Clock.systemUTC())).isEmpty();
    try (SlackRuntime r = SlackRuntime.fromConfig(config(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), ""),
        SlackRuntime.NO_COMMANDS, Clock.systemUTC()).orElseThrow()) {
      assertThat(r.mode()).isEqualTo(SlackRuntime.Mode.POST_ONLY);
      assertThat(r.platform().id()).isEqualTo("slack");
    }
    try (SlackRuntime r = SlackRuntime.fromConfig(config(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
        "SLACK_SIGNING_SECRET", "s"), ""), SlackRuntime.NO_COMMANDS, Clock.systemUTC()).orElseThrow()) {
      assertThat(r.mode()).isEqualTo(SlackRuntime.Mode.HTTP);
    }
    try (SlackRuntime r = SlackRuntime.fromConfig(config(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
        "SLACK_SIGNING_SECRET", "s"), "slack:\n  socketMode: true\n"), SlackRuntime.NO_COMMANDS, Clock.systemUTC())
        .orElseThrow()) {
      assertThat(r.mode()).as("no app token").isEqualTo(SlackRuntime.Mode.HTTP);
    }
    try (SlackRuntime r = SlackRuntime.fromConfig(config(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
        "SLACK_APP_TOKEN", "xapp-1"), "slack:\n  socketMode: true\n"), SlackRuntime.NO_COMMANDS, Clock.systemUTC())
        .orElseThrow()) {
      assertThat(r.mode()).isEqualTo(SlackRuntime.Mode.SOCKET);
    }
  }
}
