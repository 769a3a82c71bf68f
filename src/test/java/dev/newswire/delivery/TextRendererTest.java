package dev.newswire.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.support.Cards;
import dev.newswire.support.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

  private final TextRenderer renderer = new TextRenderer();

  @Test
  void fullCard() {
    Golden.assertText("text-full.txt", renderer.render(Cards.full()));
  }

  @Test
  void alsoCoveredBy() {
    Golden.assertText("text-also-covered.txt", renderer.render(Cards.withAlsoCoveredBy()));
  }

  @Test
  void digestEntriesSayHowManySourcesCoveredTheStory() {
    String digest = renderer.digest("Today in AI", List.of(Cards.withAlsoCoveredBy(), Cards.minimal()));
    assertThat(digest).startsWith("══ Today in AI ══\n\nOpenAI releases GPT-4.5 to Pro users\n")
        .contains("\nCovered by 4 sources: OpenAI News, The Verge (https://www.theverge.com/openai/gpt-4-5),"
            + " Ars Technica (https://arstechnica.com/ai/gpt-4-5/), Evil\n")
        .doesNotContain("Also covered by")
        .endsWith("\nA story\n\n");
  }

  @Test
  void minimalCard() {
    assertThat(renderer.render(Cards.minimal())).isEqualTo("A story\n");
  }
}
