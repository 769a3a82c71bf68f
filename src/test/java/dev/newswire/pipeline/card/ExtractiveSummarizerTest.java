package dev.newswire.pipeline.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.Card;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

  private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

  @Test
  void tldrIsTheLeadInWholeSentencesWithinTheLimit() {
    String text = "OpenAI released GPT-4.5 on Thursday. The model is available to Pro users. "
        + "It costs more than GPT-4o per token, the company said. Developers can use it in the API preview. "
        + "The release follows months of speculation about the model's size and training compute budget.";
    Summary summary = summarizer.summarize("OpenAI releases GPT-4.5", List.of(text));
    assertThat(summary.tldr()).isEqualTo("OpenAI released GPT-4.5 on Thursday. The model is available to Pro users.");
    assertThat(summary.keyPoints()).containsExactly(
        "It costs more than GPT-4o per token, the company said.",
        "Developers can use it in the API preview.",
        "The release follows months of speculation about the model's size and training compute budget.");
  }

  @Test
  void longFirstSentenceIsCutAtAWordWithEllipsis() {
    String sentence = "This is a very long opening sentence " + "that keeps going ".repeat(30) + "until the end.";
    Summary summary = summarizer.summarize("Title", List.of(sentence));
    assertThat(summary.tldr()).hasSizeLessThanOrEqualTo(280).endsWith("…").startsWith("This is a very long");
    String kept = summary.tldr().substring(0, summary.tldr().length() - 1);
    assertThat(sentence).startsWith(kept);
    assertThat(sentence.charAt(kept.length())).as("cut at a word boundary").isEqualTo(' ');
  }

  @Test
  void skipsSentencesRepeatingTheTitleAndDuplicatesAcrossTexts() {
    Summary summary = summarizer.summarize("Google launches Gemini 2.5 Pro",
        List.of("Google launches Gemini 2.5 Pro. It tops the leaderboard.",
            "Google launches Gemini 2.5 Pro! It tops the leaderboard. Pricing starts at $1.25 per million input tokens."));
    assertThat(summary.tldr()).isEqualTo("It tops the leaderboard. Pricing starts at $1.25 per million input tokens.");
  }

  @Test
  void atMostThreeKeyPointsInStoryOrder() {
    StringBuilder text = new StringBuilder("Lead sentence about robots and factories in the story. ");
    for (String sentence : List.of(
        "Welding robots in car factories now run around the clock.",
        "Painting lines use vision models to spot defects early.",
        "Warehouse robots sort parcels twice as fast as last year.",
        "Unions worry about jobs moving to automated factories.",
        "Battery makers plan new robot-heavy plants in Europe.",
        "Analysts expect robot prices to fall by a third.")) {
      text.append(sentence).append(' ');
    }
    text.append("x".repeat(250)).append(". ");
    Summary summary = summarizer.summarize("Robots in factories", List.of(text.toString()));
    assertThat(summary.keyPoints()).hasSizeLessThanOrEqualTo(3).isNotEmpty();
    assertThat(summary.keyPoints()).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(240));
  }

  @Test
  void boilerplateNeverReachesTheSummary() {
    Summary summary = summarizer.summarize("Title", List.of(
        "By Jane Doe\nImage credit: Getty\nThe actual news is here. Read more\n"
            + "The post Title appeared first on Blog."));
    assertThat(summary.tldr()).isEqualTo("The actual news is here.");
    assertThat(summary.keyPoints()).isEmpty();
  }

  @Test
  void emptyAndHugeInputs() {
    assertThat(summarizer.summarize("", List.of("", "")).tldr()).isEmpty();
    Summary huge = summarizer.summarize("t", List.of("word ".repeat(1_000_000)));
    assertThat(huge.tldr()).hasSizeLessThanOrEqualTo(280);
  }

  @Test
  void deterministic() {
    String text = "Alpha beta gamma. Delta epsilon zeta eta theta. Iota kappa lambda mu nu xi. Omicron pi rho sigma tau.";
    assertThat(summarizer.summarize("Greek", List.of(text))).isEqualTo(summarizer.summarize("Greek", List.of(text)));
  }
}
