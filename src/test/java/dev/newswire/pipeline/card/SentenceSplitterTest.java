package dev.newswire.pipeline.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceSplitterTest {

  private final SentenceSplitter splitter = new SentenceSplitter();

  @ParameterizedTest
  @ValueSource(strings = {
      "Models, e.g. GPT-4.5 and Llama 3.1, improved.",
      "Rules apply, i.e. to all labs in the U.S. and Europe.",
      "Dr. Smith joined Acme Inc. last year.",
      "It was OpenAI vs. Google on the leaderboard.",
      "The score rose from 3.5 to 4.1 points.",
      "J. K. Rowling wrote about A.I. ethics.",
      "Visit example.com for details.",
      "\"Is this real?\" she asked.",
      "Prices start at $2.50 per million tokens."})
  void keepsOneSentence(String text) {
    assertThat(splitter.split(text)).containsExactly(text);
  }

  @Test
  void splitsOrdinarySentences() {
    assertThat(splitter.split("OpenAI shipped GPT-4.5. It is big! Is it good? Time will tell…"))
        .containsExactly("OpenAI shipped GPT-4.5.", "It is big!", "Is it good?", "Time will tell…");
  }

  @Test
  void abbreviationsThatEndSentencesSplitBeforeAnOpener() {
    assertThat(splitter.split("The deal closed in the U.S. The EU is next. Shares of Acme Inc. The rest."))
        .containsExactly("The deal closed in the U.S.", "The EU is next.", "Shares of Acme Inc.", "The rest.");
  }

  @Test
  void closingQuotesStayWithTheirSentence() {
    assertThat(splitter.split("He said “It works.” Then he left. She wrote \"Done!\" It was."))
        .containsExactly("He said “It works.”", "Then he left.", "She wrote \"Done!\"", "It was.");
  }

  @Test
  void blankLinesEndSentencesButWrappedLinesDoNot() {
    assertThat(splitter.split("A heading without a period\n\nThe body is\nwrapped here. Done."))
        .containsExactly("A heading without a period", "The body is wrapped here.", "Done.");
  }

  @Test
  void emptyInput() {
    assertThat(splitter.split("")).isEmpty();
    assertThat(splitter.split(null)).isEmpty();
    assertThat(splitter.split("   \n ")).isEmpty();
  }
}
