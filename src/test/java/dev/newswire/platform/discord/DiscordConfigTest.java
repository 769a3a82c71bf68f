package dev.newswire.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.DiscordConfig;
import dev.newswire.config.NewswireConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of("DISCORD_TOKEN", "x.y.z"));

  @Test
  void absentSectionMeansDiscordsOwnEndpoints() {
    NewswireConfig cfg = loader.parse("{}", "test.yaml");
    assertThat(cfg.discord().apiBaseUrl()).isEqualTo(DiscordConfig.DEFAULT_API_BASE_URL);
    assertThat(cfg.discord().gatewayUrl()).isEqualTo(DiscordConfig.DEFAULT_GATEWAY_URL);
    assertThat(cfg.discord().globalCommands()).isFalse();
    assertThat(cfg.discord().guilds()).isEmpty();
    assertThat(cfg.discord().defaultGateway()).isTrue();
    assertThat(cfg.secrets().hasDiscord()).isTrue();
  }

  @Test
  void sectionIsRead() {
    NewswireConfig cfg = loader.parse("""
        discord:
          apiBaseUrl: http://127.0.0.1:9000/api/v10/
          gatewayUrl: ws://127.0.0.1:9001/
          globalCommands: true
          guilds: ["500", "501"]
        """, "test.yaml");
    assertThat(cfg.discord()).isEqualTo(new DiscordConfig("http://127.0.0.1:9000/api/v10/", "ws://127.0.0.1:9001/",
        true, List.of("500", "501")));
    assertThat(cfg.discord().defaultGateway()).isFalse();
  }

  @Test
  void badValuesAreExplained() {
    assertThatThrownBy(() -> loader.parse("discord:\n  gatewayUrl: http://x/\n", "test.yaml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("gatewayUrl must start with ws://");
    assertThatThrownBy(() -> loader.parse("discord:\n  guilds: [general]\n", "test.yaml"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("numeric guild ids");
  }

  @Test
  void inviteUrlAsksOnlyForWhatTheBotUses() {
    // 1024 + 2048 + 16384 + 2^31 + 2^35
    assertThat(DiscordBot.inviteUrl("111")).isEqualTo("https://discord.com/oauth2/authorize?client_id=111"
        + "&scope=bot+applications.commands&permissions=36507241472");
  }
}
