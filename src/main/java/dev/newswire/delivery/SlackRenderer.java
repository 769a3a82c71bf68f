package dev.newswire.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.news.Card;
import dev.newswire.news.SourceLink;
import dev.newswire.text.Shortener;
import dev.newswire.text.VisibleText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders cards as chat.postMessage arguments (text fallback + Block Kit). Pure: no I/O, and the result
 * is always within Slack's limits whatever the feed sent.
 *
 * <p>Each text has a fixed share, chosen so one card's blocks stay well under Slack's undocumented
 * ~12-13k aggregate ({@code msg_blocks_too_long}) even with maximal URLs.
 */
public final class SlackRenderer {

  public static final int MAX_BLOCKS = 50;
  public static final int MAX_SECTION_TEXT = 3000;
  public static final int MAX_FIELD_TEXT = 2000;
  public static final int MAX_FIELDS = 10;
  public static final int MAX_HEADER = 150;
  public static final int MAX_CONTEXT_ELEMENTS = 10;
  public static final int MAX_BUTTON_TEXT = 75;
  public static final int MAX_URL = 3000;
  public static final int MAX_ALT_TEXT = 2000;
  public static final int MAX_BUTTON_VALUE = 2000;
  /** The card's link button (Slack still sends an action for it, which is only acked). */
  public static final String ACTION_READ = "newswire_read";
  /** "More like this": value is the story's primary topic id. */
  public static final String ACTION_MORE = "newswire_more";
  /** "Mute source": value is the story's feed URL. */
  public static final String ACTION_MUTE = "newswire_mute";
  /** Our own ceiling for the sum of all block texts, below Slack's undocumented aggregate. */
  public static final int MAX_BLOCKS_TOTAL = 12_000;
  /** Pings per story: 20 mentions of at most ~30 characters keep the blocks' budget for the card. */
  public static final int MAX_PINGS = 20;

  static final String UNTITLED = "Untitled story";

  private static final int TLDR_SHARE = 1000;
  private static final int KEY_POINT_SHARE = 350;
  private static final int WHY_SHARE = 600;
  private static final int WHO_SHARE = 300;
  private static final int NEXT_SHARE = 600;
  private static final int CONTEXT_SHARE = 600;
  private static final int ALSO_SHARE = 1500;
  private static final int ALT_SHARE = 150;
  /** Images are decoration; a 3000-char image URL is not worth a fifth of the message budget. */
  private static final int MAX_IMAGE_URL = 1000;
  /** Links shown inline (also-covered-by, digest titles) longer than this lose the link, not the name. */
  private static final int MAX_INLINE_URL = 500;
  private static final int MAX_DIGEST_STORIES = 23; // header + 23 × (section, divider) + "more" context = 48
  private static final DateTimeFormatter FALLBACK_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public ObjectNode render(Card card) {
    return render(card, null, null);
  }

  /** A story as posted to channels: the card with "More like this" (its primary topic) and "Mute source". */
  public ObjectNode render(Story story) {
    List<String> topics = story.item() == null ? List.of() : story.item().topics();
    return render(story.card(), topics.isEmpty() ? null : topics.get(0), story.feedUrl(), story.mentions());
  }

  /**
   * The card, plus a "More like this" button when {@code primaryTopicId} is given and a "Mute source" button when
   * {@code feedUrl} is given. Each button is left out when its value is blank or over {@link #MAX_BUTTON_VALUE}
   * characters; "Mute source" also when it would push the message past {@link #MAX_BLOCKS_TOTAL}.
   */
  public ObjectNode render(Card card, String primaryTopicId, String feedUrl) {
    return render(card, primaryTopicId, feedUrl, List.of());
  }

  /**
   * As {@link #render(Card, String, String)}, pinging {@code mentions} (a channel's topic mentions): they open the
   * text fallback, which Slack uses for the notification, and a first section of their own. Only the mentions are
   * written unescaped; the feed's text is escaped as always, so it cannot add a ping of its own.
   */
  public ObjectNode render(Card card, String primaryTopicId, String feedUrl, List<Mention> mentions) {
    ObjectNode args = JSON.objectNode();
    String title = plainTitle(card, MAX_HEADER);
    String pings = pings(mentions);
    args.put("text", pings.isEmpty() ? fallbackText(card) : pings + " " + fallbackText(card));
    ArrayNode blocks = args.putArray("blocks");
    if (!pings.isEmpty()) {
      blocks.addObject().put("type", "section").set("text", mrkdwn(pings));
    }
    blocks.add(header(title));

    String body = body(card);
    Optional<String> image = WebLink.sanitize(card.imageUrl(), MAX_IMAGE_URL);
    if (!body.isEmpty()) {
      ObjectNode section = blocks.addObject().put("type", "section");
      section.set("text", mrkdwn(body));
      image.ifPresent(url -> section.set("accessory", image(url, plainTitle(card, ALT_SHARE))));
    } else if (image.isPresent()) {
      blocks.add(image(image.get(), plainTitle(card, ALT_SHARE)));
    }

    ArrayNode fields = JSON.arrayNode();
    addField(fields, "Why it matters", SlackMrkdwn.fit(card.whyItMatters(), WHY_SHARE));
    addField(fields, "Who should care", SlackMrkdwn.fit(card.whoShouldCare(), WHO_SHARE));
    if (!fields.isEmpty()) {
      blocks.addObject().put("type", "section").set("fields", fields);
    }
    String next = SlackMrkdwn.fit(card.whatToDoNext(), NEXT_SHARE);
    if (!next.isEmpty()) {
      blocks.addObject().put("type", "section").set("text", mrkdwn("*What to do next*\n" + next));
    }

    blocks.add(sourceContext(card));
    ArrayNode buttons = JSON.arrayNode();
    WebLink.sanitize(card.url(), MAX_URL).ifPresent(url -> buttons.add(readButton(url)));
    Optional<ObjectNode> also = alsoCoveredBy(card.alsoCoveredBy());
    int used = textLength(blocks) + also.map(SlackRenderer::textLength).orElse(0) + 10;
    List<ObjectNode> extra = new ArrayList<>();
    buttonValue(primaryTopicId).ifPresent(topic -> extra.add(actionButton("More like this", ACTION_MORE, topic)));
    buttonValue(feedUrl).ifPresent(url -> extra.add(muteButton(url)));
    for (ObjectNode button : extra) {
      if (used + textLength(buttons) + textLength(button) <= MAX_BLOCKS_TOTAL) {
        buttons.add(button);
      }
    }
    if (!buttons.isEmpty()) {
      blocks.addObject().put("type", "actions").set("elements", buttons);
    }
    also.ifPresent(blocks::add);

    args.put("unfurl_links", false);
    args.put("unfurl_media", false);
    return args;
  }

  /** A header, then one section per story separated by dividers; stories beyond the block budget are counted. */
  public ObjectNode digest(String heading, List<Card> cards) {
    return digest(heading, cards, List.of());
  }

  /**
   * A digest whose stories each get a "More like this" button for their primary topic (by position in
   * {@code primaryTopicIds}; a missing or blank id means no button). The button is the section's accessory, so it
   * costs no extra block.
   */
  public ObjectNode digest(String heading, List<Card> cards, List<String> primaryTopicIds) {
    ObjectNode args = JSON.objectNode();
    String title = SlackMrkdwn.fitPlain(heading, MAX_HEADER);
    title = title.isEmpty() ? "Top stories" : title;
    int shown = Math.min(cards.size(), MAX_DIGEST_STORIES);
    args.put("text", SlackMrkdwn.fitPlain(title + " — " + cards.size() + (cards.size() == 1 ? " story" : " stories"), 300));
    ArrayNode blocks = args.putArray("blocks");
    blocks.add(header(title));
    int share = Math.min(MAX_SECTION_TEXT, (MAX_BLOCKS_TOTAL - 1000) / Math.max(1, shown));
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        blocks.addObject().put("type", "divider");
      }
      ObjectNode section = blocks.addObject().put("type", "section");
      section.set("text", mrkdwn(digestEntry(cards.get(i), share)));
      // Topic ids are short (config ids are at most 32 characters); anything longer is not a topic id and would
      // eat the digest's text budget, so it gets no button.
      if (i < primaryTopicIds.size() && primaryTopicIds.get(i) != null && primaryTopicIds.get(i).length() <= 64) {
        buttonValue(primaryTopicIds.get(i))
            .ifPresent(topic -> section.set("accessory", actionButton("More like this", ACTION_MORE, topic)));
      }
    }
    if (shown < cards.size()) {
      ObjectNode more = blocks.addObject().put("type", "context");
      more.putArray("elements").add(mrkdwn("…and " + (cards.size() - shown) + " more"));
    }
    args.put("unfurl_links", false);
    args.put("unfurl_media", false);
    return args;
  }

  private String digestEntry(Card card, int share) {
    String title = SlackMrkdwn.fitLine(nonEmptyTitle(card), Math.min(MAX_HEADER, share / 5));
    String linked = WebLink.sanitize(card.url(), Math.min(MAX_INLINE_URL, share / 4))
        .map(url -> "<" + url + "|" + title + ">")
        .orElse(title);
    List<String> meta = new ArrayList<>();
    if (!card.sourceName().isBlank()) {
      meta.add(card.sourceName());
    }
    meta.addAll(card.topics());
    String metaText = SlackMrkdwn.fitLine(String.join(" · ", meta), share / 6);
    String coverage = Coverage.shown(card) ? coverageLine(card, share / 5) : "";
    int tldrShare = share - linked.length() - metaText.length() - coverage.length() - 12;
    String tldr = SlackMrkdwn.fit(card.tldr(), Math.max(0, tldrShare));
    StringBuilder entry = new StringBuilder("*").append(linked).append('*');
    if (!tldr.isEmpty()) {
      entry.append('\n').append(tldr);
    }
    if (!metaText.isEmpty()) {
      entry.append('\n').append('_').append(metaText).append('_');
    }
    if (!coverage.isEmpty()) {
      entry.append('\n').append(coverage);
    }
    return entry.toString();
  }

  /** "*Covered by 3 sources:* Own, <url|Other>, …" within budget; a link too long for it falls back to the name. */
  private static String coverageLine(Card card, int budget) {
    StringBuilder line = new StringBuilder("*").append(Coverage.label(card)).append(":*");
    String own = SlackMrkdwn.fitLine(card.sourceName(), 80);
    int listed = 0;
    if (!own.isEmpty()) {
      line.append(' ').append(own);
      listed++;
    }
    for (SourceLink other : card.alsoCoveredBy()) {
      String name = SlackMrkdwn.fitLine(other.name(), 80);
      if (name.isEmpty()) {
        continue;
      }
      String entry = WebLink.sanitize(other.url(), MAX_INLINE_URL).map(url -> "<" + url + "|" + name + ">").orElse(name);
      String separator = listed == 0 ? " " : ", ";
      if (line.length() + separator.length() + entry.length() > budget) {
        if (line.length() + separator.length() + name.length() > budget) {
          break;
        }
        entry = name;
      }
      line.append(separator).append(entry);
      listed++;
    }
    return line.length() <= budget ? line.toString() : "";
  }

  private static String body(Card card) {
    StringBuilder text = new StringBuilder(SlackMrkdwn.fit(card.tldr(), TLDR_SHARE));
    boolean firstPoint = true;
    for (String point : card.keyPoints().stream().limit(Card.MAX_KEY_POINTS).toList()) {
      String escaped = SlackMrkdwn.fit(point, KEY_POINT_SHARE);
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

  private static ObjectNode sourceContext(Card card) {
    ObjectNode context = JSON.objectNode().put("type", "context");
    ArrayNode elements = context.putArray("elements");
    String source = SlackMrkdwn.fitLine(card.sourceName(), 200);
    WebLink.sanitize(card.sourceIconUrl(), MAX_IMAGE_URL)
        .filter(icon -> !source.isEmpty())
        .ifPresent(icon -> elements.add(image(icon, SlackMrkdwn.fitPlain(card.sourceName(), ALT_SHARE))));
    List<String> parts = new ArrayList<>();
    if (!source.isEmpty()) {
      parts.add("*" + source + "*");
    }
    if (card.published() != null) {
      // Slack shows the date in each reader's own time zone; the fallback is for old clients.
      parts.add("<!date^" + card.published().getEpochSecond() + "^{date_short_pretty} {time}|"
          + FALLBACK_TIME.format(card.published()) + ">");
    }
    String topics = SlackMrkdwn.fitLine(String.join(" · ", card.topics()), 250);
    if (!topics.isEmpty()) {
      parts.add(topics);
    }
    String line = String.join(" · ", parts);
    elements.add(mrkdwn(line.isEmpty() ? "Newswire" : Shortener.shorten(line, CONTEXT_SHARE)));
    return context;
  }

  private static ObjectNode readButton(String url) {
    ObjectNode button = JSON.objectNode().put("type", "button");
    button.set("text", plain("Read"));
    button.put("url", url);
    button.put("action_id", ACTION_READ);
    return button;
  }

  private static ObjectNode actionButton(String label, String actionId, String value) {
    ObjectNode button = JSON.objectNode().put("type", "button");
    button.set("text", plain(label));
    button.put("action_id", actionId);
    button.put("value", value);
    return button;
  }

  /** Pausing a feed affects every channel, so Slack asks first. */
  private static ObjectNode muteButton(String feedUrl) {
    ObjectNode button = actionButton("Mute source", ACTION_MUTE, feedUrl);
    ObjectNode confirm = button.putObject("confirm");
    confirm.set("title", plain("Mute this source?"));
    confirm.set("text", plain("Newswire stops polling this feed for every channel until an admin resumes it"
        + " (/news-admin feed resume). Only workspace admins can do this."));
    confirm.set("confirm", plain("Mute"));
    confirm.set("deny", plain("Cancel"));
    return button;
  }

  private static Optional<String> buttonValue(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_BUTTON_VALUE) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Characters in every string of the JSON, as Slack's aggregate limit counts them (roughly). */
  private static int textLength(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isTextual()) {
      return node.asText().length();
    }
    int total = 0;
    for (com.fasterxml.jackson.databind.JsonNode child : node) {
      total += textLength(child);
    }
    return total;
  }

  private static Optional<ObjectNode> alsoCoveredBy(List<SourceLink> others) {
    List<String> entries = new ArrayList<>();
    int used = 0;
    for (SourceLink other : others) {
      if (entries.size() == MAX_CONTEXT_ELEMENTS - 1) {
        break;
      }
      String name = SlackMrkdwn.fitLine(other.name(), 80);
      if (name.isEmpty()) {
        continue;
      }
      String entry = WebLink.sanitize(other.url(), MAX_INLINE_URL).map(url -> "<" + url + "|" + name + ">").orElse(name);
      if (used + entry.length() > ALSO_SHARE) {
        break;
      }
      used += entry.length();
      entries.add(entry);
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode context = JSON.objectNode().put("type", "context");
    ArrayNode elements = context.putArray("elements");
    elements.add(mrkdwn("*Also covered by*"));
    entries.forEach(entry -> elements.add(mrkdwn(entry)));
    return Optional.of(context);
  }

  private static void addField(ArrayNode fields, String label, String value) {
    if (!value.isEmpty() && fields.size() < MAX_FIELDS) {
      fields.add(mrkdwn("*" + label + "*\n" + value));
    }
  }

  /** Notification and accessibility text: title and source, plain. */
  /** At most {@link #MAX_PINGS} distinct mentions, space separated; Discord roles are skipped (Slack has none). */
  private static String pings(List<Mention> mentions) {
    List<String> shown = new ArrayList<>();
    for (Mention m : mentions == null ? List.<Mention>of() : mentions) {
      if (!m.slack().isEmpty() && !shown.contains(m.slack()) && shown.size() < MAX_PINGS) shown.add(m.slack());
    }
    return String.join(" ", shown);
  }

  private static String fallbackText(Card card) {
    String title = SlackMrkdwn.fitLine(nonEmptyTitle(card), 300);
    String source = SlackMrkdwn.fitLine(card.sourceName(), 100);
    return source.isEmpty() ? title : title + " — " + source;
  }

  private static String plainTitle(Card card, int max) {
    return SlackMrkdwn.fitPlain(nonEmptyTitle(card), max);
  }

  private static String nonEmptyTitle(Card card) {
    String title = VisibleText.oneLine(card.title());
    return title.isBlank() ? UNTITLED : card.title();
  }

  private static ObjectNode header(String text) {
    ObjectNode header = JSON.objectNode().put("type", "header");
    header.set("text", plain(text));
    return header;
  }

  private static ObjectNode image(String url, String altText) {
    return JSON.objectNode().put("type", "image").put("image_url", url)
        .put("alt_text", altText.isEmpty() ? "image" : altText);
  }

  private static ObjectNode mrkdwn(String text) {
    return JSON.objectNode().put("type", "mrkdwn").put("text", text);
  }

  private static ObjectNode plain(String text) {
    return JSON.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
  }
}
