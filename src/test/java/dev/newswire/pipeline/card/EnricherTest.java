package dev.newswire.pipeline.card;

import dev.newswire.pipeline.parse.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.SlackRenderer;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.support.CorpusFeeds;
import dev.newswire.support.DiscordLimits;
import dev.newswire.support.SlackLimits;
import dev.newswire.support.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnricherTest {

  private final Enricher enricher = new Enricher(Topics.example());

  private static NewsItem gpu() {
    return new NewsItem("g1", "Nvidia unveils Blackwell Ultra GPUs for AI data centers",
        "https://example.com/nvidia", "Nvidia announced Blackwell Ultra on Tuesday. The chips ship later this year.",
        "Nvidia announced Blackwell Ultra on Tuesday. The chips ship later this year. "
            + "Cloud providers including Microsoft and Google have placed orders for the new GPUs. "
            + "The company said performance per watt doubles compared with Hopper. "
            + "The post Nvidia unveils Blackwell Ultra appeared first on Example Blog.",
        "Jane", Instant.parse("2025-03-18T17:00:00Z"), null, List.of("Hardware"),
        "https://example.com/gpu.jpg", null);
  }

  @Test
  void buildsACardFromThePrimaryTopic() {
    Card card = enricher.enrich(gpu(), "Example Blog", "https://example.com/icon.png");
    assertThat(card.title()).isEqualTo("Nvidia unveils Blackwell Ultra GPUs for AI data centers");
    assertThat(card.topics()).first().isEqualTo("Chips & hardware");
    assertThat(card.color()).isEqualTo(0x76B900);
    assertThat(card.whyItMatters()).isEqualTo(Topics.example().byId("chips").orElseThrow().whyItMatters());
    assertThat(card.whoShouldCare()).isEqualTo(Topics.example().byId("chips").orElseThrow().whoShouldCare());
    assertThat(card.tldr()).isEqualTo("Nvidia announced Blackwell Ultra on Tuesday. The chips ship later this year.");
    assertThat(card.keyPoints()).isNotEmpty().noneMatch(p -> p.contains("appeared first on"));
    assertThat(card.published()).isEqualTo(Instant.parse("2025-03-18T17:00:00Z"));
    assertThat(card.imageUrl()).isEqualTo("https://example.com/gpu.jpg");
    assertThat(card.alsoCoveredBy()).isEmpty();
    assertThat(card.whatToDoNext()).isNull();
  }

  @Test
  void usesTopicsAlreadyOnTheItem() {
    Card card = enricher.enrich(gpu().withTopics(List.of("policy")), "S", null);
    assertThat(card.topics()).containsExactly("Policy & regulation");
    assertThat(card.color()).isEqualTo(0xE67E22);
  }

  @Test
  void fallsBackWhenNoTopicMatches() {
    NewsItem plain = new NewsItem(null, "A quiet day", null, "Nothing happened.", "", null, null, null, null, null, null);
    Card card = enricher.enrich(plain, "S", null);
    assertThat(card.topics()).isEmpty();
    assertThat(card.color()).isEqualTo(Enricher.DEFAULT_COLOR);
    assertThat(card.whyItMatters()).isEqualTo(Enricher.FALLBACK_WHY);
    assertThat(card.whoShouldCare()).isEqualTo(Enricher.FALLBACK_WHO);
    assertThat(card.published()).isNull();
  }

  @Test
  void sameItemGivesEqualCard() {
    assertThat(enricher.enrich(gpu(), "S", null)).isEqualTo(new Enricher(Topics.example()).enrich(gpu(), "S", null));
  }

  @Test
  void colourParsing() {
    assertThat(Enricher.parseColor("#76B900")).isEqualTo(0x76B900);
    assertThat(Enricher.parseColor("ff0000")).isEqualTo(0xFF0000);
    assertThat(Enricher.parseColor("red")).isEqualTo(Enricher.DEFAULT_COLOR);
    assertThat(Enricher.parseColor(null)).isEqualTo(Enricher.DEFAULT_COLOR);
  }

  @Test
  void realFeedsGiveCleanSummariesAndValidPayloads() {
    List<NewsItem> items = CorpusFeeds.realItems();
    assertThat(items).as("items read from the real corpus").hasSizeGreaterThan(100);
    DiscordRenderer discord = new DiscordRenderer();
    SlackRenderer slack = new SlackRenderer();
    int withTldr = 0;
    for (NewsItem item : items) {
      Card card = enricher.enrich(item, "Corpus", null);
      assertThat(card.tldr()).as(item.title()).hasSizeLessThanOrEqualTo(280)
          .doesNotContainIgnoringCase("appeared first on")
          .doesNotContainIgnoringCase("read more")
          .doesNotContainIgnoringCase("continue reading")
          .doesNotContain("Upvotes:").doesNotContain("Discussion:");
      assertThat(card.keyPoints()).as(item.title()).hasSizeLessThanOrEqualTo(3)
          .noneMatch(p -> p.toLowerCase().contains("appeared first on"));
      assertThat(card).isEqualTo(enricher.enrich(item, "Corpus", null));
      DiscordLimits.assertValid(discord.render(card));
      SlackLimits.assertValid(slack.render(card));
      if (!card.tldr().isEmpty()) {
        withTldr++;
      }
    }
    assertThat(withTldr).as("items with a TL;DR").isGreaterThan(items.size() / 2);
  }
}
