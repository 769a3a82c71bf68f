package dev.newswire.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.news.Card;
import dev.newswire.news.SourceLink;
import dev.newswire.text.Shortener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders cards as the JSON body of Discord's create-message (or execute-webhook) request. Pure: no I/O,
 * and the result is always within Discord's limits whatever the feed sent.
 *
 * <p>Every text gets a fixed share of the 6000-character message total, so the sum stays below it by
 * construction instead of being trimmed after the fact; the shares favour the TL;DR and the fields.
 */
public final class DiscordRenderer {

  public static final int MAX_TITLE = 256;
  public static final int MAX_DESCRIPTION = 4096;
  public static final int MAX_FIELD_NAME = 256;
  public static final int MAX_FIELD_VALUE = 1024;
  public static final int MAX_FOOTER = 2048;
  public static final int MAX_AUTHOR = 256;
  public static final int MAX_FIELDS = 25;
  public static final int MAX_MESSAGE_TOTAL = 6000;
  public static final int MAX_EMBEDS = 10;
  public static final int MAX_CONTENT = 2000;
  /** Pings per message: within Discord's 100 ids per allowed_mentions list, and 50 × 25 characters fit the content. */
  public static final int MAX_PINGS = 50;
  /** JDA's {@code MessageEmbed.URL_MAX_LENGTH}; Discord rejects longer embed URLs. */
  public static final int MAX_URL = 2000;

  static final String UNTITLED = "Untitled story";

  // Shares of the 6000 total for one card: 256 + 256 + 2300 + 4 field names (< 64) + 2500 + 300 = 5676.
  private static final int TLDR_SHARE = 1000;
  private static final int KEY_POINT_SHARE = 400;
  private static final int WHY_SHARE = 600;
  private static final int WHO_SHARE = 300;
  private static final int ALSO_SHARE = 1000;
  private static final int NEXT_SHARE = 600;
  private static final int FOOTER_SHARE = 300;
  private static final int DIGEST_LINE = 600;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** One card as one embed. */
  public ObjectNode render(Card card) {
    ObjectNode message = JSON.objectNode();
    message.putArray("embeds").add(embed(card));
    noMentions(message);
    return message;
  }

  /**
   * One card as one embed, pinging {@code mentions}: the message content is the mentions, and allowed_mentions
   * allows exactly their role and user ids. Everything else stays unpingable (parse is empty), so an
   * "@everyone" in the feed's text still cannot ping. Slack user groups are skipped: Discord has none.
   */
  public ObjectNode render(Card card, List<Mention> mentions) {
    ObjectNode message = render(card);
    List<String> shown = new ArrayList<>();
    ArrayNode roles = JSON.arrayNode();
    ArrayNode users = JSON.arrayNode();
    for (Mention m : mentions == null ? List.<Mention>of() : mentions) {
      if (m.discord().isEmpty() || shown.contains(m.discord()) || shown.size() == MAX_PINGS) continue;
      shown.add(m.discord());
      (m.kind() == Mention.Kind.ROLE ? roles : users).add(m.id());
    }
    if (shown.isEmpty()) return message;
    message.put("content", String.join(" ", shown));
    ObjectNode allowed = (ObjectNode) message.get("allowed_mentions");
    if (!roles.isEmpty()) allowed.set("roles", roles);
    if (!users.isEmpty()) allowed.set("users", users);
    return message;
  }

  /**
   * Several cards in one message: one compact embed per card when they fit in 10 embeds, else a
   * single embed listing the stories as links (as many as fit, then "…and N more").
   */
  public ObjectNode digest(String heading, List<Card> cards) {
    ObjectNode message = JSON.objectNode();
    if (cards.size() <= MAX_EMBEDS) {
      String content = DiscordMarkdown.fitLine(heading, MAX_CONTENT);
      if (!content.isEmpty()) {
        message.put("content", content);
      }
      ArrayNode embeds = message.putArray("embeds");
      int share = MAX_MESSAGE_TOTAL / Math.max(1, cards.size());
      for (Card card : cards) {
        embeds.add(compactEmbed(card, share));
      }
    } else {
      message.putArray("embeds").add(listEmbed(heading, cards));
    }
    noMentions(message);
    return message;
  }

  private ObjectNode embed(Card card) {
    ObjectNode embed = JSON.objectNode();
    embed.put("title", title(card, MAX_TITLE));
    link(card.url()).ifPresent(url -> embed.put("url", url));
    String description = description(card);
    if (!description.isEmpty()) {
      embed.put("description", description);
    }
    ArrayNode fields = JSON.arrayNode();
    addField(fields, "Why it matters", DiscordMarkdown.fit(card.whyItMatters(), WHY_SHARE));
    addField(fields, "Who should care", DiscordMarkdown.fit(card.whoShouldCare(), WHO_SHARE));
    addField(fields, "Also covered by", alsoCoveredBy(card.alsoCoveredBy()));
    addField(fields, "What to do next", DiscordMarkdown.fit(card.whatToDoNext(), NEXT_SHARE));
    if (!fields.isEmpty()) {
      embed.set("fields", fields);
    }
    link(card.imageUrl()).ifPresent(url -> embed.putObject("image").put("url", url));
    author(card).ifPresent(author -> embed.set("author", author));
    if (card.published() != null) {
      embed.put("timestamp", card.published().toString());
    }
    embed.put("color", card.color());
    String topics = DiscordMarkdown.fitLine(String.join(" · ", card.topics()), FOOTER_SHARE);
    if (!topics.isEmpty()) {
      embed.putObject("footer").put("text", topics);
    }
    return embed;
  }

  private ObjectNode compactEmbed(Card card, int share) {
    int titleShare = Math.min(MAX_TITLE, share * 3 / 10);
    int footerShare = Math.min(150, share * 15 / 100);
    int descriptionShare = Math.min(1500, share - titleShare - footerShare);
    ObjectNode embed = JSON.objectNode();
    embed.put("title", title(card, titleShare));
    link(card.url()).ifPresent(url -> embed.put("url", url));
    // "Covered by N sources" is a field whose name and value come out of the description's share, so the
    // embed's total stays within its share of the message.
    int coverageShare = Coverage.shown(card) ? Math.min(ALSO_SHARE, descriptionShare / 3) : 0;
    String tldr = DiscordMarkdown.fit(card.tldr(), descriptionShare - coverageShare);
    if (!tldr.isEmpty()) {
      embed.put("description", tldr);
    }
    if (coverageShare > 0) {
      String label = Coverage.label(card);
      StringBuilder value = new StringBuilder(DiscordMarkdown.fitLine(card.sourceName(), 80));
      String sources = sourceList(value, card.alsoCoveredBy(), coverageShare - label.length());
      if (!sources.isBlank()) {
        embed.putArray("fields").addObject().put("name", label).put("value", sources).put("inline", false);
      }
    }
    link(card.imageUrl()).ifPresent(url -> embed.putObject("thumbnail").put("url", url));
    if (card.published() != null) {
      embed.put("timestamp", card.published().toString());
    }
    embed.put("color", card.color());
    List<String> footer = new ArrayList<>();
    if (!card.sourceName().isBlank()) {
      footer.add(card.sourceName());
    }
    footer.addAll(card.topics());
    String footerText = DiscordMarkdown.fitLine(String.join(" · ", footer), footerShare);
    if (!footerText.isEmpty()) {
      embed.putObject("footer").put("text", footerText);
    }
    return embed;
  }

  private ObjectNode listEmbed(String heading, List<Card> cards) {
    ObjectNode embed = JSON.objectNode();
    String title = DiscordMarkdown.fitLine(heading, MAX_TITLE);
    embed.put("title", title.isEmpty() ? "Top stories" : title);
    StringBuilder lines = new StringBuilder();
    int budget = MAX_DESCRIPTION - 40; // room for the "…and N more" line
    int shown = 0;
    for (Card card : cards) {
      String line = storyLine(card);
      if (lines.length() + line.length() + 1 > budget) {
        break;
      }
      lines.append(line).append('\n');
      shown++;
    }
    if (shown < cards.size()) {
      lines.append("…and ").append(cards.size() - shown).append(" more");
    }
    embed.put("description", lines.toString().strip());
    cards.stream().findFirst().ifPresent(first -> embed.put("color", first.color()));
    return embed;
  }

  private String storyLine(Card card) {
    String title = title(card, 150);
    String source = DiscordMarkdown.fitLine(card.sourceName(), 60);
    String linked = link(card.url()).map(url -> "[" + title + "](" + maskedLinkTarget(url) + ")").orElse(title);
    String coverage = Coverage.shown(card) ? " · " + Coverage.label(card).toLowerCase(java.util.Locale.ROOT) : "";
    String line = "• **" + linked + "**" + (source.isEmpty() ? "" : " — " + source) + coverage;
    // A very long URL would crowd other stories out of the 4096 characters: keep the title, lose the link.
    return line.length() <= DIGEST_LINE ? line
        : "• **" + title + "**" + (source.isEmpty() ? "" : " — " + source) + coverage;
  }

  private String description(Card card) {
    StringBuilder text = new StringBuilder(DiscordMarkdown.fit(card.tldr(), TLDR_SHARE));
    List<String> points = card.keyPoints().stream().limit(Card.MAX_KEY_POINTS).toList();
    boolean firstPoint = true;
    for (String point : points) {
      String escaped = DiscordMarkdown.fit(point, KEY_POINT_SHARE);
      if (escaped.isEmpty()) {
        continue;
      }
      if (text.length() > 0) {
        text.append(firstPoint ? "\n\n" : "\n");
      }
      text.append("• ").append(escaped);
      firstPoint = false;
    }
    return text.toString();
  }

  private String alsoCoveredBy(List<SourceLink> others) {
    return sourceList(new StringBuilder(), others, ALSO_SHARE);
  }

  /** Appends the outlets, linked, " · "-separated, to what value holds, within budget characters in all. */
  private String sourceList(StringBuilder value, List<SourceLink> others, int budget) {
    if (value.length() > budget) {
      return "";
    }
    for (SourceLink other : others) {
      String name = DiscordMarkdown.fitLine(other.name(), 80);
      if (name.isEmpty()) {
        continue;
      }
      String entry = link(other.url()).map(url -> "[" + name + "](" + maskedLinkTarget(url) + ")").orElse(name);
      int separator = value.length() == 0 ? 0 : 3;
      if (value.length() + separator + entry.length() > budget) {
        if (value.length() + separator + name.length() <= budget) {
          entry = name; // a long URL is the part to sacrifice
        } else {
          break;
        }
      }
      value.append(separator == 0 ? "" : " · ").append(entry);
    }
    return value.toString();
  }

  private static String title(Card card, int max) {
    String title = DiscordMarkdown.fitLine(card.title(), max);
    return title.isEmpty() ? Shortener.shorten(UNTITLED, max) : title;
  }

  private static Optional<ObjectNode> author(Card card) {
    String name = DiscordMarkdown.fitLine(card.sourceName(), MAX_AUTHOR);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode author = JSON.objectNode().put("name", name);
    link(card.sourceIconUrl()).ifPresent(url -> author.put("icon_url", url));
    return Optional.of(author);
  }

  private static void addField(ArrayNode fields, String name, String value) {
    if (!value.isBlank() && fields.size() < MAX_FIELDS) {
      fields.addObject().put("name", name).put("value", value).put("inline", false);
    }
  }

  private static Optional<String> link(String raw) {
    return WebLink.sanitize(raw, MAX_URL);
  }

  /** Parentheses would end a masked link's target early. */
  private static String maskedLinkTarget(String url) {
    return url.replace("(", "%28").replace(")", "%29");
  }

  private static void noMentions(ObjectNode message) {
    // Belt and braces with the escaping: even if text slipped through, nothing can ping.
    message.putObject("allowed_mentions").putArray("parse");
  }
}
