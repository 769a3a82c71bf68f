package dev.newswire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsConfigTest {
  static final String TOPICS = """
      topics:
        - { id: llms, name: LLMs, keywords: [llm] }
        - { id: chips, name: Chips, keywords: [gpu] }
      """;

  NewswireConfig parse(String yaml) {
    return new ConfigLoader(Map.of()).parse(TOPICS + yaml, "test.yaml");
  }

  @Test
  void defaultsWhenAbsent() {
    NewswireConfig c = parse("");
    assertThat(c.admins()).isEmpty();
    assertThat(c.commands().rateLimitPerMinute()).isEqualTo(10);
    assertThat(c.commands().allowMembersToSubscribe()).isFalse();
    assertThat(c.subscriptions()).isEmpty();
  }

  @Test
  void readsAdminsCommandsAndSubscriptions() {
    NewswireConfig c = parse("""
        admins: ["discord:123", "slack:U123", "999"]
        commands: { rateLimitPerMinute: 5, allowMembersToSubscribe: true }
        subscriptions:
          - { platform: discord, workspace: "500", channel: "600", topics: [llms, chips], mode: instant }
          - { platform: slack, workspace: "T1", channel: "C1", feeds: ["https://example.com/feed.xml"], mode: daily, time: "09:00", timezone: "Europe/Berlin", exclude: ["crypto"] }
          - { platform: discord, workspace: "500", channel: "601", all: true, include: ['"open weights"', "/gpt-\\\\d/"] }
        """);
    assertThat(c.admins()).containsExactly("discord:123", "slack:U123", "999");
    assertThat(c.commands().rateLimitPerMinute()).isEqualTo(5);
    assertThat(c.commands().allowMembersToSubscribe()).isTrue();
    assertThat(c.subscriptions()).hasSize(3);
    SubscriptionConfig s = c.subscriptions().get(1);
    assertThat(s.mode()).isEqualTo("daily");
    assertThat(s.time()).isEqualTo("09:00");
    assertThat(s.exclude()).containsExactly("crypto");
    assertThat(c.subscriptions().get(2).all()).isTrue();
    assertThat(c.subscriptions().get(2).include()).hasSize(2);
  }

  @Test
  void badSubscriptionsAreNamedByKey() {
    assertThatThrownBy(() -> parse("""
        subscriptions:
          - { platform: teams, workspace: "1", channel: "2", topics: [llm], mode: hourly, time: "25:00", timezone: "Mars/Olympus", exclude: ["/(unclosed/"] }
          - { platform: discord, workspace: "1", channel: "2" }
        """))
        .hasMessageContaining("subscriptions[0].platform: 'teams'")
        .hasMessageContaining("subscriptions[0].topics: unknown topic 'llm'")
        .hasMessageContaining("subscriptions[0].mode: 'hourly'")
        .hasMessageContaining("subscriptions[0].time: '25:00'")
        .hasMessageContaining("subscriptions[0].timezone: 'Mars/Olympus'")
        .hasMessageContaining("subscriptions[0].exclude: /(unclosed/ is not a valid regex")
        .hasMessageContaining("subscriptions[1]: subscribes to nothing");
  }

  @Test
  void unknownSubscriptionKeyIsReported() {
    assertThatThrownBy(() -> parse("""
        subscriptions:
          - { platform: discord, channel: "2", topic: [llms] }
        """)).hasMessageContaining("unknown key 'subscriptions[0].topic'");
  }
}
