package dev.newswire.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Asserts every Slack Block Kit limit we know of on chat.postMessage arguments. Reused by all renderer tests. */
public final class SlackLimits {

  private static final Set<String> BLOCK_TYPES = Set.of("header", "section", "context", "actions", "divider", "image");
  private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s<>|]+$");
  /** Slack control sequences our renderers emit themselves; anything else in angle brackets is feed text. */
  private static final Pattern OUR_ANGLES = Pattern.compile("<(?:https?://[^\\s<>|]+\\|[^<>]*|!date\\^\\d+\\^[^|<>]+\\|[^<>]+)>");

  private SlackLimits() {}

  public static void assertValid(JsonNode args) {
    assertThat(args.path("text").asText()).as("fallback text").isNotBlank();
    assertThat(args.path("text").asText().length()).as("fallback length").isLessThanOrEqualTo(40_000);
    assertNoControlSequences(args.path("text").asText(), "text");
    JsonNode blocks = args.path("blocks");
    assertThat(blocks.isArray()).isTrue();
    assertThat(blocks.size()).as("block count").isBetween(1, 50);
    for (JsonNode block : blocks) {
      assertBlock(block);
    }
    assertThat(totalText(blocks)).as("characters across all blocks").isLessThanOrEqualTo(12_000);
  }

  private static void assertBlock(JsonNode block) {
    String type = block.path("type").asText();
    assertThat(type).isIn(BLOCK_TYPES);
    if (block.has("block_id")) {
      assertThat(block.get("block_id").asText().length()).isLessThanOrEqualTo(255);
    }
    switch (type) {
      case "header" -> {
        assertThat(block.path("text").path("type").asText()).isEqualTo("plain_text");
        assertTextObject(block.get("text"), 150);
      }
      case "section" -> {
        assertThat(block.has("text") || block.has("fields")).as("section has text or fields").isTrue();
        if (block.has("text")) {
          assertTextObject(block.get("text"), 3000);
        }
        if (block.has("fields")) {
          assertThat(block.get("fields").size()).isBetween(1, 10);
          block.get("fields").forEach(f -> assertTextObject(f, 2000));
        }
        if (block.has("accessory")) {
          if (block.get("accessory").path("type").asText().equals("button")) assertButton(block.get("accessory"));
          else assertImage(block.get("accessory"));
        }
      }
      case "context" -> {
        assertThat(block.path("elements").size()).as("context elements").isBetween(1, 10);
        for (JsonNode element : block.get("elements")) {
          if (element.path("type").asText().equals("image")) {
            assertImage(element);
          } else {
            assertTextObject(element, 3000);
          }
        }
      }
      case "actions" -> {
        assertThat(block.path("elements").size()).isBetween(1, 25);
        for (JsonNode element : block.get("elements")) {
          assertButton(element);
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        block.get("elements").forEach(e -> { if (e.has("action_id")) ids.add(e.get("action_id").asText()); });
        assertThat(ids).as("action_ids in one block").doesNotHaveDuplicates();
      }
      case "image" -> assertImage(block);
      default -> { }
    }
  }

  /** A button in an actions block or as a section's accessory. */
  private static void assertButton(JsonNode element) {
    assertThat(element.path("type").asText()).isEqualTo("button");
    assertTextObject(element.get("text"), 75);
    assertThat(element.path("text").path("type").asText()).isEqualTo("plain_text");
    assertThat(element.has("url") || element.has("value")).as("a button links or carries a value").isTrue();
    if (element.has("url")) {
      assertThat(element.path("url").asText()).matches(HTTP_URL).hasSizeLessThanOrEqualTo(3000);
    }
    if (element.has("value")) {
      assertThat(element.get("value").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(2000);
    }
    if (element.has("action_id")) {
      assertThat(element.get("action_id").asText().length()).isLessThanOrEqualTo(255);
    }
    if (element.has("confirm")) {
      JsonNode confirm = element.get("confirm");
      assertTextObject(confirm.get("title"), 100);
      assertTextObject(confirm.get("text"), 300);
      assertTextObject(confirm.get("confirm"), 30);
      assertTextObject(confirm.get("deny"), 30);
      assertThat(confirm.path("title").path("type").asText()).isEqualTo("plain_text");
    }
  }

  private static void assertImage(JsonNode image) {
    assertThat(image.path("type").asText()).isEqualTo("image");
    assertThat(image.path("image_url").asText()).matches(HTTP_URL).hasSizeLessThanOrEqualTo(3000);
    assertThat(image.path("alt_text").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(2000);
  }

  private static void assertTextObject(JsonNode text, int max) {
    assertThat(text).isNotNull();
    assertThat(text.path("type").asText()).isIn("plain_text", "mrkdwn");
    String value = text.path("text").asText();
    assertThat(value).as("text object").isNotBlank();
    assertThat(value.length()).as("text length").isLessThanOrEqualTo(max);
    assertNoControlSequences(value, "text object");
    DiscordLimits.assertNoInvisibles(value, "slack text");
  }

  /** Outside our own links and dates, no "<" or ">" may survive: that is how feed text would form <!channel>. */
  private static void assertNoControlSequences(String value, String what) {
    String rest = OUR_ANGLES.matcher(value).replaceAll("");
    assertThat(rest).as(what + " has a raw angle bracket: " + value).doesNotContain("<", ">");
    assertThat(value).as(what).doesNotContain("@channel", "@here", "@everyone");
  }

  private static int totalText(JsonNode node) {
    int total = 0;
    if (node.isTextual()) {
      return node.asText().length();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      total += totalText(it.next().getValue());
    }
    if (node.isArray()) {
      for (JsonNode child : node) {
        total += totalText(child);
      }
    }
    return total;
  }
}
