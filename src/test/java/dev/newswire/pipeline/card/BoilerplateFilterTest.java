package dev.newswire.pipeline.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {

  private final BoilerplateFilter filter = new BoilerplateFilter();

  @Test
  void wordpressFooter() {
    assertThat(filter.clean("Microsoft achieved certification. \n The post  Microsoft achieves ISO/IEC 42001:2023 "
        + "certification  appeared first on  Microsoft AI Blogs ."))
        .isEqualTo("Microsoft achieved certification.");
  }

  @Test
  void hnrss() {
    assertThat(filter.clean("Article URL: https://example.com/a Comments URL: https://news.ycombinator.com/item?id=1 "
        + "Points: 120 # Comments: 45")).isEmpty();
    assertThat(filter.clean("Score: 917 Comments: 780 By: helsinkiandrew Discussion:  https://news.ycombinator.com/item?id=4"))
        .isEmpty();
  }

  @Test
  void arxivKeepsTheAbstract() {
    assertThat(filter.clean("arXiv:2501.01234v1 Announce Type: new Abstract: We propose a new method."))
        .isEqualTo("We propose a new method.");
    assertThat(filter.clean("arXiv:2501.01234v2 Announce Type: replace-cross Abstract: Agents are hard."))
        .isEqualTo("Agents are hard.");
  }

  @Test
  void huggingFacePapersMetadata() {
    assertThat(filter.clean("Data-centric training helps. Upvotes: 363 GitHub Stars: 477 Authors: Hao Liang 🔗 GitHub"))
        .isEqualTo("Data-centric training helps.");
  }

  @Test
  void trailingReadMoreAndEllipsisMarkers() {
    assertThat(filter.clean("The model is fast […]")).isEqualTo("The model is fast");
    assertThat(filter.clean("The model is fast. Continue reading →")).isEqualTo("The model is fast.");
    assertThat(filter.clean("The model is fast. Read more...")).isEqualTo("The model is fast.");
    assertThat(filter.clean("The model is fast. (more…)")).isEqualTo("The model is fast.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Read more", "Read more »", "Continue reading", "Read the full story", "Click here",
      "Click here to read more.", "By Jane Doe", "By Jane Doe and John Smith", "Image credit: Getty Images",
      "Photo: Reuters", "Illustration by Alex Castro / The Verge", "Comments", "12 comments", "[…]",
      "Previously On HuffPost:", "Source: OpenAI"})
  void boilerplateLines(String line) {
    assertThat(filter.isBoilerplate(line)).isTrue();
    assertThat(filter.clean("Real text.\n" + line)).isEqualTo("Real text.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"By 2030, most code will be written with AI help.", "Readers read more news on phones.",
      "Source code for the model is on GitHub.", "Comments from regulators were positive.",
      "Photos taken by the robot were sharp."})
  void realSentencesStay(String sentence) {
    assertThat(filter.isBoilerplate(sentence)).isFalse();
    assertThat(filter.clean(sentence)).isEqualTo(sentence);
  }
}
