package dev.newswire.pipeline.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.TopicConfig;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.support.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

  private static NewsItem item(String title, String summary, List<String> categories) {
    return new NewsItem(null, title, null, summary, null, null, null, null, categories, null, null);
  }

  private static Taxonomy taxonomy(TopicConfig... topics) {
    return new Taxonomy(List.of(topics));
  }

  private static TopicConfig topic(String id, String... keywords) {
    return new TopicConfig(id, id, "", List.of(keywords), "", "", "#000000");
  }

  @Test
  void matchesOnWordBoundariesOnly() {
    TopicClassifier classifier = new TopicClassifier(taxonomy(topic("ai", "ai"), topic("chip", "chip")));
    assertThat(classifier.classify(item("He said it was maintained", "", List.of()))).isEmpty();
    assertThat(classifier.classify(item("New chips ship", "", List.of()))).isEmpty(); // plurals are listed, not guessed
    assertThat(classifier.classify(item("AI news", "", List.of()))).containsExactly("ai");
    assertThat(classifier.classify(item("A new chip", "", List.of()))).containsExactly("chip");
  }

  @Test
  void caseInsensitiveAndPhrasesAcrossWhitespace() {
    TopicClassifier classifier = new TopicClassifier(taxonomy(topic("llms", "large language model", "GPT-4.5", "C++")));
    assertThat(classifier.classify(item("A LARGE\n language   Model appears", "", List.of()))).containsExactly("llms");
    assertThat(classifier.classify(item("gpt-4.5 is out", "", List.of()))).containsExactly("llms");
    assertThat(classifier.classify(item("Written in C++ today", "", List.of()))).containsExactly("llms");
  }

  @Test
  void titleOutweighsBodyAndSinglePassingMentionIsIgnored() {
    TopicClassifier classifier = new TopicClassifier(taxonomy(topic("chips", "GPU", "GPUs"), topic("robots", "robot")));
    assertThat(classifier.classify(item("Robot learns to fold laundry", "It runs on a GPU.", List.of())))
        .containsExactly("robots");
    assertThat(classifier.classify(item("Robot learns", "It runs on a GPU, and more GPUs.", List.of())))
        .containsExactly("robots", "chips");
    assertThat(classifier.classify(item("Robot learns", "", List.of("GPU")))).containsExactly("robots", "chips");
  }

  @Test
  void exampleTaxonomyTagsTypicalHeadlines() {
    TopicClassifier classifier = new TopicClassifier(Topics.example());
    assertThat(classifier.classify(item("Nvidia unveils Blackwell GPUs for data centers", "", List.of())))
        .first().isEqualTo("chips");
    assertThat(classifier.classify(item("EU AI Act: regulators publish guidance", "", List.of())))
        .first().isEqualTo("policy");
    assertThat(classifier.classify(item("Anthropic raises $2B in Series C funding", "", List.of())))
        .first().isEqualTo("funding");
    assertThat(classifier.classify(item("Meta releases Llama 3.1 open weights on Hugging Face", "", List.of())))
        .contains("llms", "open-source");
    assertThat(classifier.classify(item("Waymo expands robotaxi service", "", List.of()))).first().isEqualTo("robotics");
    assertThat(classifier.classify(item("He said it was a nice day", "", List.of()))).isEmpty();
  }

  @Test
  void exampleTaxonomyIsWellFormed() {
    assertThat(Topics.example().topics()).extracting(TopicConfig::id)
        .contains("llms", "chips", "policy", "research", "open-source", "funding", "robotics", "safety", "products");
    for (TopicConfig topic : Topics.example().topics()) {
      assertThat(topic.keywords()).as(topic.id()).hasSizeBetween(15, 40);
      assertThat(topic.color()).as(topic.id()).matches("#[0-9A-Fa-f]{6}");
      assertThat(topic.whyItMatters()).as(topic.id()).isNotBlank().endsWith(".");
      assertThat(topic.whoShouldCare()).as(topic.id()).isNotBlank();
      assertThat(topic.name()).isNotBlank();
      assertThat(topic.description()).isNotBlank();
    }
  }
}
