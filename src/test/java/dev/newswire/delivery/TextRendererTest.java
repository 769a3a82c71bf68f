package dev.newswire.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.support.Cards;
import dev.newswire.support.Golden;
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
  void minimalCard() {
    assertThat(renderer.render(Cards.minimal())).isEqualTo("A story\n");
  }
}
