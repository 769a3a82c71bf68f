package dev.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.support.DiscordLimits;
import dev.newswire.support.SlackLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `preview --format discord|slack` over every real feed in ../shared/corpus/real: every message body it prints is
 * within the platform's limits, and `--format text` prints a card per item.
 */
class PreviewFormatsCorpusTest {
  private static final Path REAL = Path.of("../shared/corpus/real");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Path> realFeeds() throws Exception {
    try (Stream<Path> files = Files.walk(REAL)) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static List<String> preview(String format, Path file) {
    PreviewCommand cmd = new PreviewCommand();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    cmd.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    cmd.format = PreviewCommand.Format.valueOf(format);
    cmd.config = Path.of("config/newswire.yaml");
    cmd.sources = List.of(file.toString());
    assertThat(cmd.call()).as(file.toString()).isZero();
    return buf.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void everyDiscordAndSlackPayloadIsWithinLimits() throws Exception {
    assumeTrue(Files.isDirectory(REAL), "corpus not found at " + REAL.toAbsolutePath() + "; skipped");
    int discord = 0;
    int slack = 0;
    for (Path feed : realFeeds()) {
      for (String line : preview("discord", feed)) {
        JsonNode msg = JSON.readTree(line);
        DiscordLimits.assertValid(msg);
        assertThat(msg.get("allowed_mentions").get("parse")).isEmpty();
        discord++;
      }
      for (String line : preview("slack", feed)) {
        JsonNode args = JSON.readTree(line);
        SlackLimits.assertValid(args);
        assertThat(args.get("text").asText()).isNotBlank();
        slack++;
      }
    }
    System.out.printf("preview payloads checked: %d discord, %d slack%n", discord, slack);
    assertThat(discord).isEqualTo(slack).isGreaterThan(500);
  }

  @Test
  void textCardsShowWhyItMatters() throws Exception {
    assumeTrue(Files.isDirectory(REAL), "corpus not found at " + REAL.toAbsolutePath() + "; skipped");
    String out = String.join("\n", preview("text", REAL.resolve("deepmind_blog_2025-07-26.xml")));
    assertThat(out).contains("Why it matters:").contains("Who should care:").contains("Google DeepMind");
    assertThat(out).doesNotContain("appeared first on");
  }
}
