package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps config/slack-manifest.yaml in step with the command groups the Slack bot binds. */
class SlackManifestTest {

  static JsonNode manifest() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("config", "slack-manifest.yaml")));
  }

  /** The specs bound in production: the real command registry's. */
  static List<CommandSpec> boundSpecs() {
    try (dev.newswire.App app = new dev.newswire.App(
        dev.newswire.config.NewswireConfig.defaults().withStorage(dev.newswire.store.jdbc.TestDatabases.h2()),
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()), true, java.time.Clock.systemUTC())) {
      return new ArrayList<>(app.commands().specs());
    }
  }

  @Test
  void everyBoundGroupHasAManifestCommandAndNoMore() throws Exception {
    JsonNode m = manifest();
    Set<String> manifestCommands = new TreeSet<>();
    for (JsonNode c : m.path("features").path("slash_commands")) {
      manifestCommands.add(c.path("command").asText());
      assertThat(c.path("url").asText()).endsWith(SlackBot.EVENTS_PATH);
      assertThat(c.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
      String hint = c.path("usage_hint").asText();
      assertThat(hint).hasSizeLessThanOrEqualTo(1000).contains(c.path("command").asText() + " help");
      assertThat(c.path("should_escape").asBoolean()).as("mentions arrive as <@U…>, links are unwrapped").isTrue();
    }
    Set<String> groups = new TreeSet<>();
    boundSpecs().forEach(s -> groups.add("/" + s.group()));
    groups.addAll(SlackBot.STANDARD_GROUPS.stream().map(g -> "/" + g).toList());
    assertThat(manifestCommands).isEqualTo(groups);
  }

  @Test
  void scopesCoverWhatTheAdapterCalls() throws Exception {
    JsonNode m = manifest();
    List<String> scopes = new ArrayList<>();
    m.path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
    // commands: slash commands; chat:write(.public): chat.postMessage; channels:join: conversations.join;
    // users:read: users.info for the admin check; channels:read: channel names for subscriptions;
    // channels:history: conversations.history to find an interrupted delivery before resending it;
    // files:read: downloading a files.slack.com link for /news-admin feed import
    assertThat(scopes).contains("commands", "chat:write", "chat:write.public", "channels:read", "channels:join",
        "users:read", "channels:history", "files:read");
    assertThat(m.path("settings").path("interactivity").path("request_url").asText()).endsWith(SlackBot.EVENTS_PATH);
    assertThat(m.path("settings").path("socket_mode_enabled").asBoolean(true)).isFalse();
    assertThat(m.path("settings").path("org_deploy_enabled").asBoolean(true)).isFalse();
  }
}
