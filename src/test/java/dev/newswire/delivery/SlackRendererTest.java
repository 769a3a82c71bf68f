package dev.newswire.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.news.Card;
import dev.newswire.support.Cards;
import dev.newswire.support.Golden;
import dev.newswire.support.SlackLimits;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlackRendererTest {

  private final SlackRenderer renderer = new SlackRenderer();

  @Test
  void fullCardMatchesGolden() {
    JsonNode args = renderer.render(Cards.full());
    SlackLimits.assertValid(args);
    Golden.assertJson("slack-full.json", args);
  }

  @Test
  void minimalCardMatchesGolden() {
    JsonNode args = renderer.render(Cards.minimal());
    SlackLimits.assertValid(args);
    Golden.assertJson("slack-minimal.json", args);
  }

  @Test
  void alsoCoveredByMatchesGoldenAndDropsUnsafeLinks() {
    JsonNode args = renderer.render(Cards.withAlsoCoveredBy());
    SlackLimits.assertValid(args);
    Golden.assertJson("slack-also-covered.json", args);
    JsonNode last = args.get("blocks").get(args.get("blocks").size() - 1);
    assertThat(last.get("type").asText()).isEqualTo("context");
    assertThat(last.toString()).contains("<https://www.theverge.com/openai/gpt-4-5|The Verge>").contains("Evil")
        .doesNotContain("javascript");
  }

  @Test
  void fullCardHasEverySection() {
    JsonNode args = renderer.render(Cards.full());
    assertThat(types(args)).containsExactly("header", "section", "section", "section", "context", "actions");
    assertThat(args.get("text").asText()).isEqualTo("OpenAI releases GPT-4.5 to Pro users — OpenAI News");
    assertThat(args.get("unfurl_links").asBoolean(true)).isFalse();
    assertThat(args.at("/blocks/1/accessory/image_url").asText()).startsWith("https://images.example.com/");
    assertThat(args.at("/blocks/1/text/text").asText()).contains("\n\n• Developers");
    assertThat(args.at("/blocks/2/fields/0/text").asText()).startsWith("*Why it matters*\n");
    assertThat(args.at("/blocks/4/elements/1/text").asText())
        .contains("<!date^1740686400^{date_short_pretty} {time}|2025-02-27 20:00 UTC>")
        .contains("LLMs &amp; models");
    assertThat(args.at("/blocks/5/elements/0/url").asText()).isEqualTo("https://openai.com/index/introducing-gpt-4-5/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileCardsGiveValidMessages(String name, Card card) {
    SlackLimits.assertValid(renderer.render(card));
    SlackLimits.assertValid(renderer.digest(name, List.of(card, card, card)));
    SlackLimits.assertValid(renderer.digest(name, Collections.nCopies(60, card)));
  }

  static List<Arguments> hostile() {
    return HostileCards.all();
  }

  @Test
  void feedTextCannotFormControlSequences() {
    Card card = new Card("<!channel> & <@U123>", null, "Feed", null, null, null,
        "See <http://evil.example|here> @channel", List.of(), "", "", List.of(), 0, List.of(), null);
    JsonNode args = renderer.render(card);
    assertThat(args.at("/blocks/0/text/text").asText()).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    assertThat(args.at("/blocks/1/text/text").asText())
        .isEqualTo("See &lt;http://evil.example|here&gt; @\u200Bchannel");
    assertThat(args.get("text").asText()).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt; — Feed");
  }

  @Test
  void aTopicMentionOpensTheTextAndTheFirstSectionWhileFeedTextStaysEscaped() {
    Card card = new Card("<!channel> & <@U123>", null, "Feed", null, null, null,
        "See <http://evil.example|here> @channel", List.of(), "", "", List.of(), 0, List.of(), null);
    Story story = new Story(1, "https://feed.example/rss", "Feed", null, card,
        List.of(new Mention(Mention.Kind.USERGROUP, "S0TEAM"), new Mention(Mention.Kind.USER, "U0ALICE"),
            new Mention(Mention.Kind.ROLE, "777")));
    JsonNode args = renderer.render(story);
    // Apart from the pings (our own first section and text prefix), nothing in the message can mention anyone.
    com.fasterxml.jackson.databind.node.ObjectNode rest = (com.fasterxml.jackson.databind.node.ObjectNode) args.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) rest.get("blocks")).remove(0);
    rest.put("text", args.get("text").asText().replace("<!subteam^S0TEAM> <@U0ALICE> ", ""));
    SlackLimits.assertValid(rest);
    assertThat(args.get("text").asText()).isEqualTo("<!subteam^S0TEAM> <@U0ALICE> &lt;!channel&gt; &amp; &lt;@U123&gt; — Feed");
    assertThat(args.at("/blocks/0/type").asText()).isEqualTo("section");
    assertThat(args.at("/blocks/0/text/text").asText()).isEqualTo("<!subteam^S0TEAM> <@U0ALICE>");
    assertThat(args.at("/blocks/1/type").asText()).isEqualTo("header");
    assertThat(args.at("/blocks/1/text/text").asText()).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    assertThat(args.at("/blocks/2/text/text").asText()).isEqualTo("See &lt;http://evil.example|here&gt; @\u200Bchannel");
    // Without mentions the story renders exactly as before.
    assertThat(renderer.render(story.withMentions(List.of()))).isEqualTo(renderer.render(card, null, story.feedUrl()));
  }

  @Test
  void formattingCharactersAtWordEdgesAreReplaced() {
    assertThat(SlackMrkdwn.escape("*bold* _it_ ~s~ `code` snake_case 2*3"))
        .isEqualTo("∗bold∗ ＿it＿ ∼s∼ ˋcodeˋ snake_case 2*3");
  }

  @Test
  void digestRespectsBlockBudget() {
    List<Card> cards = IntStream.range(0, 100).mapToObj(i -> Cards.full()).toList();
    JsonNode args = renderer.digest("Today in AI", cards);
    SlackLimits.assertValid(args);
    assertThat(args.get("blocks").size()).isLessThanOrEqualTo(50);
    JsonNode last = args.get("blocks").get(args.get("blocks").size() - 1);
    assertThat(last.at("/elements/0/text").asText()).isEqualTo("…and 77 more");
  }

  @Test
  void digestGolden() {
    JsonNode args = renderer.digest("Today in AI", List.of(Cards.withAlsoCoveredBy(), Cards.full(), Cards.minimal()));
    SlackLimits.assertValid(args);
    Golden.assertJson("slack-digest.json", args);
  }

  @Test
  void digestEntriesSayHowManySourcesCoveredTheStory() {
    JsonNode args = renderer.digest("Today in AI", List.of(Cards.withAlsoCoveredBy(), Cards.full()));
    assertThat(args.at("/blocks/1/text/text").asText()).endsWith("\n*Covered by 4 sources:* OpenAI News,"
        + " <https://www.theverge.com/openai/gpt-4-5|The Verge>, <https://arstechnica.com/ai/gpt-4-5/|Ars Technica>, Evil");
    assertThat(args.at("/blocks/3/text/text").asText()).doesNotContain("Covered by");
    SlackLimits.assertValid(renderer.digest("Weekly", Collections.nCopies(60, Cards.withAlsoCoveredBy())));
  }

  static final String FEED = "https://openai.com/news/rss.xml";

  @Test
  void storyCardHasMoreLikeThisAndMuteSourceButtons() {
    JsonNode args = renderer.render(Cards.full(), "llms", FEED);
    SlackLimits.assertValid(args);
    Golden.assertJson("slack-buttons.json", args);
    assertThat(types(args)).containsExactly("header", "section", "section", "section", "context", "actions");
    JsonNode buttons = args.at("/blocks/5/elements");
    assertThat(buttons).hasSize(3);
    assertThat(buttons.get(0).path("action_id").asText()).isEqualTo("newswire_read");
    assertThat(buttons.get(1).path("action_id").asText()).isEqualTo(SlackRenderer.ACTION_MORE);
    assertThat(buttons.get(1).path("value").asText()).isEqualTo("llms");
    assertThat(buttons.get(1).path("text").path("text").asText()).isEqualTo("More like this");
    assertThat(buttons.get(2).path("action_id").asText()).isEqualTo(SlackRenderer.ACTION_MUTE);
    assertThat(buttons.get(2).path("value").asText()).isEqualTo(FEED);
    assertThat(buttons.get(2).path("text").path("text").asText()).isEqualTo("Mute source");
    assertThat(buttons.get(2).has("confirm")).isTrue();
  }

  @Test
  void renderOfAStoryUsesThePrimaryTopicIdAndTheFeedUrl() {
    dev.newswire.news.NewsItem item = new dev.newswire.news.NewsItem("guid", "t", "https://a.example/x", null,
        null, null, null, null, null, null, List.of("llms", "chips"));
    JsonNode args = renderer.render(new Story(7, FEED, "OpenAI", item, Cards.full()));
    assertThat(args).isEqualTo(renderer.render(Cards.full(), "llms", FEED));
    // no item (or no topics): no "More like this", "Mute source" still there
    JsonNode noItem = renderer.render(new Story(7, FEED, "OpenAI", null, Cards.full()));
    assertThat(noItem.at("/blocks/5/elements").findValuesAsText("action_id"))
        .containsExactly("newswire_read", "newswire_mute");
  }

  @Test
  void buttonsWithMissingOrOversizedValuesAreLeftOut() {
    String longUrl = "https://feed.example/" + "a".repeat(2000);
    assertThat(renderer.render(Cards.full(), null, null)).isEqualTo(renderer.render(Cards.full()));
    assertThat(renderer.render(Cards.full(), " ", longUrl).at("/blocks/5/elements").findValuesAsText("action_id"))
        .containsExactly("newswire_read");
    String maxUrl = "https://feed.example/" + "a".repeat(2000 - 21);
    JsonNode atLimit = renderer.render(Cards.full(), "t".repeat(2000), maxUrl);
    SlackLimits.assertValid(atLimit);
    assertThat(atLimit.at("/blocks/5/elements").findValuesAsText("action_id"))
        .containsExactly("newswire_read", "newswire_more", "newswire_mute");
    // a card without a link still gets the action buttons, in their own actions block
    JsonNode noLink = renderer.render(Cards.minimal(), "llms", FEED);
    SlackLimits.assertValid(noLink);
    JsonNode actions = StreamSupport.stream(noLink.get("blocks").spliterator(), false)
        .filter(b -> b.path("type").asText().equals("actions")).findFirst().orElseThrow();
    assertThat(actions.get("elements").findValuesAsText("action_id")).contains("newswire_more", "newswire_mute");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileCardsWithMaximalButtonValuesStayWithinLimits(String name, Card card) {
    String maxUrl = "https://feed.example/" + "a".repeat(2000 - 21);
    JsonNode args = renderer.render(card, "t".repeat(2000), maxUrl);
    SlackLimits.assertValid(args);
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(renderer.render(Cards.full())).isEqualTo(renderer.render(Cards.full()));
  }

  private static List<String> types(JsonNode args) {
    return StreamSupport.stream(args.get("blocks").spliterator(), false).map(b -> b.get("type").asText()).toList();
  }
}
