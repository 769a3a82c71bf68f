package dev.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.config.LoggingConfig;
import dev.newswire.config.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingSetupTest {
  private static final Logger log = LoggerFactory.getLogger(LoggingSetupTest.class);
  private static final Secrets SECRETS = Secrets.fromEnvironment(Map.of(
      "DISCORD_TOKEN", "MTIzNDU2.discord-token-value", "NEWSWIRE_DB_PASSWORD", "pa\"ss\\word", "SLACK_BOT_TOKEN", "short"));
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream realErr;

  @BeforeEach
  void capture() {
    realErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    LoggingSetup.apply(LoggingConfig.defaults(), Secrets.none());
    System.setErr(realErr);
  }

  @Test
  void jsonLinesCarryTheFeedAndNeverASecret() throws Exception {
    LoggingSetup.apply(new LoggingConfig("json"), SECRETS);
    try (MDC.MDCCloseable ignored = MDC.putCloseable("feed", "https://n.example/feed.xml")) {
      log.warn("login failed with token {} and password {}", "MTIzNDU2.discord-token-value", "pa\"ss\\word",
          new IllegalStateException("bad token MTIzNDU2.discord-token-value"));
    }
    String out = err.toString(StandardCharsets.UTF_8);
    assertThat(out).doesNotContain("discord-token-value").doesNotContain("ss\\\\word").contains("[REDACTED]");
    String line = out.lines().filter(l -> l.contains("login failed")).findFirst().orElseThrow();
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("login failed with token [REDACTED] and password [REDACTED]");
    assertThat(json.get("mdc").get("feed").asText()).isEqualTo("https://n.example/feed.xml");
    assertThat(json.get("throwable").toString()).contains("bad token [REDACTED]");
  }

  @Test
  void textLinesAreRedactedTooButShortValuesAreLeftAlone() {
    LoggingSetup.apply(LoggingConfig.defaults(), SECRETS);
    log.info("token MTIzNDU2.discord-token-value, a short word");
    String out = err.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("token [REDACTED], a short word").doesNotContain("discord-token-value");
  }
}
