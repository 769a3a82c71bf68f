package dev.newswire.delivery;

import dev.newswire.news.Card;
import dev.newswire.news.SourceLink;
import dev.newswire.support.Cards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.provider.Arguments;

/** Cards built from the worst a feed can send, for both renderers. */
final class HostileCards {

  static final String HUGE = "word ".repeat(1_000_000); // 5 MB
  static final String MENTIONS = "@everyone @here <!channel> <!here> <@U123> <@123> <@&456> <#789> "
      + "<http://evil.example|click me> &amp; done";
  static final String INVISIBLES = "zero\u200Bwidth\u200E\u202Eevil\u202C\uFEFF\u0000\u0007 bell\uD800 lone";
  static final String MARKDOWN = "**bold** __u__ ~~s~~ `code` ||spoiler|| > quote\n# heading\n- list [link](https://evil.example)";

  private HostileCards() {}

  static List<Arguments> all() {
    Card base = Cards.full();
    List<Arguments> cards = new ArrayList<>();
    cards.add(Arguments.of("empty title", with(base, "", null)));
    cards.add(Arguments.of("blank everything", new Card(" ", " ", " ", " ", null, " ", " ", List.of(" "), " ", " ",
        List.of(" "), 0, List.of(new SourceLink(" ", " ")), " ")));
    cards.add(Arguments.of("5 MB title", with(base, HUGE, null)));
    cards.add(Arguments.of("5 MB everywhere", new Card(HUGE, "https://x.example/" + "a".repeat(5000), HUGE, HUGE,
        Instant.EPOCH, HUGE, HUGE, List.of(HUGE, HUGE, HUGE, HUGE), HUGE, HUGE, List.of(HUGE, HUGE), 0xFFFFFF,
        IntStream.range(0, 50).mapToObj(i -> new SourceLink(HUGE, "https://o.example/" + "b".repeat(1900))).toList(),
        HUGE)));
    cards.add(Arguments.of("HTML-only summary", withTldr(base, "<p><img src=x onerror=alert(1)></p><script>x</script>")));
    cards.add(Arguments.of("javascript links", new Card("t", "javascript:alert(1)", "s", "data:image/png;base64,AAAA",
        null, "JAVASCRIPT:alert(1)", "x", List.of(), "w", "w", List.of(), 1,
        List.of(new SourceLink("a", "data:text/html,hi"), new SourceLink("b", "/relative"),
            new SourceLink("c", "https://user:pw@evil.example/")), null)));
    cards.add(Arguments.of("emoji", with(base, "🚀 Launch day 👩‍💻🇺🇦 ✨", "Emoji 😀 everywhere 🎉")));
    cards.add(Arguments.of("RTL", with(base, "שלום עולם — مرحبا بالعالم", "النص العربي مع English mixed")));
    cards.add(Arguments.of("zero-width and controls", with(base, INVISIBLES, INVISIBLES)));
    cards.add(Arguments.of("missing dates", new Card("No date", "https://a.example", "S", null, null, null, "x",
        List.of(), "w", "w", List.of("T"), 0, List.of(), null)));
    cards.add(Arguments.of("mentions", new Card(MENTIONS, "https://a.example", MENTIONS, null, Instant.EPOCH, null,
        MENTIONS, List.of(MENTIONS), MENTIONS, MENTIONS, List.of(MENTIONS), 0,
        List.of(new SourceLink(MENTIONS, "https://a.example/<@U1>|x>")), MENTIONS)));
    cards.add(Arguments.of("markdown", new Card(MARKDOWN, "https://a.example/(x)", MARKDOWN, null, null, null,
        MARKDOWN, List.of(MARKDOWN), MARKDOWN, MARKDOWN, List.of(MARKDOWN), 0, List.of(), MARKDOWN)));
    cards.add(Arguments.of("ampersands", new Card("&".repeat(10_000), "https://a.example/?a=1&b=2", "&&&", null,
        null, null, "<".repeat(10_000), List.of(">".repeat(5000)), "&".repeat(5000), "<>".repeat(3000),
        List.of("&".repeat(3000)), 0, List.of(), "&".repeat(5000))));
    return cards;
  }

  private static Card with(Card c, String title, String tldr) {
    return new Card(title, c.url(), c.sourceName(), c.sourceIconUrl(), c.published(), c.imageUrl(),
        tldr == null ? c.tldr() : tldr, c.keyPoints(), c.whyItMatters(), c.whoShouldCare(), c.topics(), c.color(),
        c.alsoCoveredBy(), c.whatToDoNext());
  }

  private static Card withTldr(Card c, String tldr) {
    return with(c, c.title(), tldr);
  }
}
