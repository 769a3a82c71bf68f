package dev.newswire.delivery;

import dev.newswire.news.Card;
import dev.newswire.news.SourceLink;
import dev.newswire.text.VisibleText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders a card as readable multi-line text for the console. */
public final class TextRenderer {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public String render(Card card) {
    return render(card, false);
  }

  /** A digest (or any list of stories): a heading, then each card, saying how many outlets covered it. */
  public String digest(String heading, List<Card> cards) {
    StringBuilder out = new StringBuilder("══ ").append(VisibleText.oneLine(heading)).append(" ══\n\n");
    cards.forEach(c -> out.append(render(c, true)).append('\n'));
    return out.toString();
  }

  private String render(Card card, boolean inDigest) {
    StringBuilder out = new StringBuilder();
    String title = VisibleText.oneLine(card.title());
    out.append(title.isEmpty() ? "Untitled story" : title).append('\n');
    WebLink.sanitize(card.url(), SlackRenderer.MAX_URL).ifPresent(url -> out.append(url).append('\n'));
    List<String> meta = new ArrayList<>();
    String source = VisibleText.oneLine(card.sourceName());
    if (!source.isEmpty()) {
      meta.add(source);
    }
    if (card.published() != null) {
      meta.add(TIME.format(card.published()));
    }
    if (!card.topics().isEmpty()) {
      meta.add(String.join(", ", card.topics().stream().map(VisibleText::oneLine).toList()));
    }
    if (!meta.isEmpty()) {
      out.append(String.join(" · ", meta)).append('\n');
    }
    String tldr = VisibleText.clean(card.tldr());
    if (!tldr.isEmpty()) {
      out.append('\n').append(tldr).append('\n');
    }
    for (String point : card.keyPoints()) {
      String clean = VisibleText.oneLine(point);
      if (!clean.isEmpty()) {
        out.append("  • ").append(clean).append('\n');
      }
    }
    appendLabelled(out, "Why it matters", card.whyItMatters());
    appendLabelled(out, "Who should care", card.whoShouldCare());
    appendLabelled(out, "What to do next", card.whatToDoNext());
    if (Coverage.shown(card)) {
      List<String> others = new ArrayList<>();
      String own = VisibleText.oneLine(card.sourceName());
      if (inDigest && !own.isEmpty()) {
        others.add(own);
      }
      for (SourceLink other : card.alsoCoveredBy()) {
        String name = VisibleText.oneLine(other.name());
        others.add(WebLink.sanitize(other.url(), SlackRenderer.MAX_URL).map(u -> name + " (" + u + ")").orElse(name));
      }
      appendLabelled(out, inDigest ? Coverage.label(card) : "Also covered by", String.join(", ", others));
    }
    return out.charAt(out.length() - 1) == '\n' ? out.toString() : out.append('\n').toString();
  }

  private static void appendLabelled(StringBuilder out, String label, String text) {
    String clean = VisibleText.oneLine(text);
    if (!clean.isEmpty()) {
      out.append('\n').append(label).append(": ").append(clean);
    }
  }
}
