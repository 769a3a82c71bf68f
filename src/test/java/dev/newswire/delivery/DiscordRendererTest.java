package dev.newswire.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.news.Card;
import dev.newswire.support.Cards;
import dev.newswire.support.DiscordLimits;
import dev.newswire.support.Golden;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiscordRendererTest {

  private final DiscordRenderer renderer = new DiscordRenderer();

  @Test
  void fullCardMatchesGolden() {
    JsonNode message = renderer.render(Cards.full());
    DiscordLimits.assertValid(message);
    Golden.assertJson("discord-full.json", message);
  }

  @Test
  void minimalCardMatchesGolden() {
    JsonNode message = renderer.render(Cards.minimal());
    DiscordLimits.assertValid(message);
    Golden.assertJson("discord-minimal.json", message);
  }

  @Test
  void alsoCoveredByMatchesGoldenAndDropsUnsafeLinks() {
    JsonNode message = renderer.render(Cards.withAlsoCoveredBy());
    DiscordLimits.assertValid(message);
    Golden.assertJson("discord-also-covered.json", message);
    String also = message.at("/embeds/0/fields/2/value").asText();
    assertThat(also).contains("[The Verge](https://www.theverge.com/openai/gpt-4-5)").contains("Evil")
        .doesNotContain("javascript");
  }

  @Test
  void fullCardHasEverySection() {
    JsonNode embed = renderer.render(Cards.full()).at("/embeds/0");
    assertThat(embed.get("title").asText()).isEqualTo("OpenAI releases GPT-4.5 to Pro users");
    assertThat(embed.get("description").asText()).contains("\n\n• Developers").contains("\n• Plus users");
    assertThat(embed.get("fields")).extracting(f -> f.get("name").asText())
        .containsExactly("Why it matters", "Who should care", "What to do next");
    assertThat(embed.at("/author/name").asText()).isEqualTo("OpenAI News");
    assertThat(embed.at("/footer/text").asText()).isEqualTo("LLMs & models · Products & launches");
    assertThat(embed.get("timestamp").asText()).isEqualTo("2025-02-27T20:00:00Z");
    assertThat(embed.at("/image/url").asText()).startsWith("https://images.example.com/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileCardsGiveValidMessages(String name, Card card) {
    DiscordLimits.assertValid(renderer.render(card));
    DiscordLimits.assertValid(renderer.digest(name, List.of(card, card, card)));
    DiscordLimits.assertValid(renderer.digest(name, Collections.nCopies(10, card)));
    DiscordLimits.assertValid(renderer.digest(name, Collections.nCopies(40, card)));
  }

  static List<Arguments> hostile() {
    return HostileCards.all();
  }

  @Test
  void unsafeLinksAreDropped() {
    JsonNode embed = renderer.render((Card) HostileCards.all().stream()
        .filter(a -> a.get()[0].equals("javascript links")).findFirst().orElseThrow().get()[1]).at("/embeds/0");
    assertThat(embed.has("url")).isFalse();
    assertThat(embed.has("image")).isFalse();
    assertThat(embed.at("/author").has("icon_url")).isFalse();
    assertThat(embed.toString()).doesNotContainIgnoringCase("javascript").doesNotContain("data:").doesNotContain("user:pw");
  }

  @Test
  void mentionsAndMarkdownAreNeutralised() {
    Card card = new Card("@everyone look **now**", null, "Feed", null, null, null,
        "Ping <@123> and <@&456> in <#789> or @here", List.of(), "", "", List.of(), 0, List.of(), null);
    JsonNode embed = renderer.render(card).at("/embeds/0");
    assertThat(embed.get("title").asText()).isEqualTo("@\u200Beveryone look \\*\\*now\\*\\*");
    assertThat(embed.get("description").asText())
        .isEqualTo("Ping <\u200B@123\\> and <\u200B@&456\\> in <\u200B\\#789\\> or @\u200Bhere");
  }

  @Test
  void aTopicMentionPingsExactlyThatRoleAndUserWhileFeedTextStaysNeutralised() {
    Card card = new Card("@everyone look", null, "Feed", null, null, null,
        "Ping <@123> and <@&456> or @here", List.of(), "", "", List.of(), 0, List.of(), null);
    JsonNode message = renderer.render(card, List.of(new Mention(Mention.Kind.ROLE, "777"),
        new Mention(Mention.Kind.USER, "888"), new Mention(Mention.Kind.ROLE, "777"),
        new Mention(Mention.Kind.USERGROUP, "S0TEAM")));
    // Apart from the ping (our own content), the message holds what the limits allow: nothing that mentions.
    DiscordLimits.assertValid(((com.fasterxml.jackson.databind.node.ObjectNode) message.deepCopy()).without("content"));
    assertThat(message.get("content").asText()).isEqualTo("<@&777> <@888>");
    assertThat(message.get("allowed_mentions").toString()).isEqualTo("{\"parse\":[],\"roles\":[\"777\"],\"users\":[\"888\"]}");
    assertThat(message.at("/embeds/0/title").asText()).isEqualTo("@\u200Beveryone look");
    assertThat(message.at("/embeds/0/description").asText()).isEqualTo("Ping <\u200B@123\\> and <\u200B@&456\\> or @\u200Bhere");

    JsonNode roleOnly = renderer.render(card, List.of(new Mention(Mention.Kind.ROLE, "777")));
    assertThat(roleOnly.get("allowed_mentions").toString()).isEqualTo("{\"parse\":[],\"roles\":[\"777\"]}");
    JsonNode none = renderer.render(card, List.of());
    assertThat(none.has("content")).isFalse();
    assertThat(none).isEqualTo(renderer.render(card));
    // Ids are letters and digits only, so a stored target can never smuggle markup into the ping.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Mention(Mention.Kind.ROLE, "1> @everyone"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emojiAndRtlSurvive() {
    Card card = new Card("🚀 שלום مرحبا 👩‍💻", null, null, null, null, null, "", List.of(), "", "", List.of(), 0,
        List.of(), null);
    assertThat(renderer.render(card).at("/embeds/0/title").asText()).isEqualTo("🚀 שלום مرحبا 👩‍💻");
  }

  @Test
  void digestOfUpToTenCardsUsesOneEmbedEach() {
    List<Card> cards = IntStream.range(0, 10).mapToObj(i -> Cards.full()).toList();
    JsonNode message = renderer.digest("Today in AI", cards);
    DiscordLimits.assertValid(message);
    assertThat(message.get("embeds")).hasSize(10);
    assertThat(message.get("content").asText()).isEqualTo("Today in AI");
  }

  @Test
  void digestOfManyCardsListsThemInOneEmbed() {
    List<Card> cards = IntStream.range(0, 200).mapToObj(i -> Cards.full()).toList();
    JsonNode message = renderer.digest("Today in AI", cards);
    DiscordLimits.assertValid(message);
    assertThat(message.get("embeds")).hasSize(1);
    assertThat(message.at("/embeds/0/title").asText()).isEqualTo("Today in AI");
    assertThat(message.at("/embeds/0/description").asText())
        .startsWith("• **[OpenAI releases GPT-4.5 to Pro users](https://openai.com/index/introducing-gpt-4-5/)** — OpenAI News")
        .containsPattern("…and \\d+ more$");
  }

  @Test
  void digestGolden() {
    JsonNode message = renderer.digest("Today in AI", List.of(Cards.withAlsoCoveredBy(), Cards.full(), Cards.minimal()));
    DiscordLimits.assertValid(message);
    Golden.assertJson("discord-digest.json", message);
  }

  @Test
  void digestEntriesSayHowManySourcesCoveredTheStory() {
    JsonNode compact = renderer.digest("Today in AI", List.of(Cards.withAlsoCoveredBy(), Cards.full()));
    assertThat(compact.at("/embeds/0/fields/0/name").asText()).isEqualTo("Covered by 4 sources");
    assertThat(compact.at("/embeds/0/fields/0/value").asText())
        .isEqualTo("OpenAI News · [The Verge](https://www.theverge.com/openai/gpt-4-5) · [Ars Technica](https://arstechnica.com/ai/gpt-4-5/) · Evil");
    assertThat(compact.at("/embeds/1").has("fields")).as("one source: nothing to say").isFalse();
    JsonNode tenCovered = renderer.digest("Today in AI", Collections.nCopies(10, Cards.withAlsoCoveredBy()));
    DiscordLimits.assertValid(tenCovered);
    assertThat(tenCovered.at("/embeds/9/fields/0/name").asText()).isEqualTo("Covered by 4 sources");
    JsonNode list = renderer.digest("Today in AI", Collections.nCopies(11, Cards.withAlsoCoveredBy()));
    DiscordLimits.assertValid(list);
    assertThat(list.at("/embeds/0/description").asText()).contains("— OpenAI News · covered by 4 sources\n");
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(renderer.render(Cards.full())).isEqualTo(renderer.render(Cards.full()));
  }
}
