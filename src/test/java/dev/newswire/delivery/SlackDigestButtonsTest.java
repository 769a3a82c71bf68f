package dev.newswire.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.news.Card;
import dev.newswire.support.Cards;
import dev.newswire.support.SlackLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digest stories carry a "More like this" button for their topic, within every Block Kit limit. */
class SlackDigestButtonsTest {
  private final SlackRenderer renderer = new SlackRenderer();

  @Test
  void eachStoryWithATopicGetsAMoreLikeThisAccessory() {
    JsonNode args = renderer.digest("Daily AI news digest", List.of(Cards.full(), Cards.minimal(), Cards.full()),
        List.of("chips", "", "llms"));
    SlackLimits.assertValid(args);
    List<JsonNode> sections = new ArrayList<>();
    args.get("blocks").forEach(b -> {
      if (b.path("type").asText().equals("section")) sections.add(b);
    });
    assertThat(sections).hasSize(3);
    assertThat(sections.get(0).path("accessory").path("action_id").asText()).isEqualTo(SlackRenderer.ACTION_MORE);
    assertThat(sections.get(0).path("accessory").path("value").asText()).isEqualTo("chips");
    assertThat(sections.get(1).has("accessory")).as("no topic, no button").isFalse();
    assertThat(sections.get(2).path("accessory").path("value").asText()).isEqualTo("llms");
  }

  @Test
  void aFullDigestStaysWithinLimitsWithButtons() {
    List<Card> cards = Collections.nCopies(60, Cards.full());
    SlackLimits.assertValid(renderer.digest("Weekly", cards, Collections.nCopies(60, "open-source")));
    JsonNode hostile = renderer.digest("Weekly", cards, Collections.nCopies(60, "x".repeat(2000)));
    SlackLimits.assertValid(hostile);
    assertThat(hostile.toString()).doesNotContain("xxxxxxxxxx");
    assertThat(renderer.digest("Old callers", List.of(Cards.full())).toString()).doesNotContain("accessory");
  }
}
