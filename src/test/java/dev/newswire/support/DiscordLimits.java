package dev.newswire.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Asserts every Discord limit we know of on a create-message body. Reused by all renderer tests. */
public final class DiscordLimits {

  private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s]+$");
  private static final Pattern LIVE_MENTION = Pattern.compile("@everyone|@here|<@[!&]?\\d+>|<#\\d+>");

  private DiscordLimits() {}

  public static void assertValid(JsonNode message) {
    assertThat(message.path("allowed_mentions").path("parse").isArray()).as("allowed_mentions.parse").isTrue();
    assertThat(message.path("allowed_mentions").path("parse")).as("no mention parsing").isEmpty();
    if (message.has("content")) {
      assertText(message.get("content"), 2000, "content");
    }
    JsonNode embeds = message.path("embeds");
    assertThat(embeds.isArray()).as("embeds array").isTrue();
    assertThat(embeds.size()).as("embed count").isBetween(1, 10);
    int total = 0;
    for (JsonNode embed : embeds) {
      total += assertEmbed(embed);
    }
    assertThat(total).as("characters across all embeds").isLessThanOrEqualTo(6000);
  }

  private static int assertEmbed(JsonNode embed) {
    int total = 0;
    assertThat(embed.has("title") || embed.has("description")).as("embed not empty").isTrue();
    total += assertText(embed.get("title"), 256, "title");
    total += assertText(embed.get("description"), 4096, "description");
    assertUrl(embed.get("url"));
    JsonNode fields = embed.path("fields");
    assertThat(fields.size()).as("field count").isLessThanOrEqualTo(25);
    for (JsonNode field : fields) {
      assertThat(field.path("name").asText()).as("field name").isNotBlank();
      assertThat(field.path("value").asText()).as("field value").isNotBlank();
      total += assertText(field.get("name"), 256, "field name");
      total += assertText(field.get("value"), 1024, "field value");
    }
    if (embed.has("footer")) {
      total += assertText(embed.get("footer").get("text"), 2048, "footer");
    }
    if (embed.has("author")) {
      assertThat(embed.get("author").path("name").asText()).isNotBlank();
      total += assertText(embed.get("author").get("name"), 256, "author name");
      assertUrl(embed.get("author").get("icon_url"));
      assertUrl(embed.get("author").get("url"));
    }
    for (String media : new String[] {"image", "thumbnail"}) {
      if (embed.has(media)) {
        assertThat(embed.get(media).has("url")).isTrue();
        assertUrl(embed.get(media).get("url"));
      }
    }
    if (embed.has("timestamp")) {
      assertThat(embed.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }
    if (embed.has("color")) {
      assertThat(embed.get("color").asInt()).isBetween(0, 0xFFFFFF);
    }
    return total;
  }

  private static int assertText(JsonNode node, int max, String what) {
    if (node == null) {
      return 0;
    }
    assertThat(node.isTextual()).as(what + " is text").isTrue();
    String text = node.asText();
    assertThat(text.length()).as(what + " length").isLessThanOrEqualTo(max);
    assertThat(LIVE_MENTION.matcher(text).find()).as(what + " has a live mention: " + text).isFalse();
    assertNoInvisibles(text, what);
    return text.length();
  }

  static void assertNoInvisibles(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertThat(Character.isISOControl(c) && c != '\n').as(what + " control char at " + i).isFalse();
      assertThat("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF".indexOf(c))
          .as(what + " bidi/BOM char at " + i).isNegative();
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as(what + " pair").isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as(what + " lone surrogate").isFalse();
      }
    }
  }

  private static void assertUrl(JsonNode node) {
    if (node == null) {
      return;
    }
    assertThat(node.asText()).matches(HTTP_URL).hasSizeLessThanOrEqualTo(2000);
  }
}
