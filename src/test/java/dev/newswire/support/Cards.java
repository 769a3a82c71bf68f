package dev.newswire.support;

import dev.newswire.news.Card;
import dev.newswire.news.SourceLink;
import java.time.Instant;
import java.util.List;

/** Hand-built cards for renderer tests. */
public final class Cards {

  private Cards() {}

  public static Card full() {
    return new Card(
        "OpenAI releases GPT-4.5 to Pro users",
        "https://openai.com/index/introducing-gpt-4-5/",
        "OpenAI News",
        "https://openai.com/favicon.ico",
        Instant.parse("2025-02-27T20:00:00Z"),
        "https://images.example.com/gpt45.png",
        "OpenAI released GPT-4.5, its largest chat model so far. It is available to Pro users today.",
        List.of("Developers get access via the API in preview.",
            "OpenAI says hallucinations dropped compared with GPT-4o.",
            "Plus users follow next week."),
        "Model releases change what you can build, what it costs and which provider is ahead.",
        "ML engineers, AI product teams, developers building on model APIs",
        List.of("LLMs & models", "Products & launches"),
        0x5865F2,
        List.of(),
        "Try it on your own evals before switching production traffic.");
  }

  public static Card minimal() {
    return new Card("A story", null, null, null, null, null, null, null, null, null, null, 0, null, null);
  }

  public static Card withAlsoCoveredBy() {
    return full().withAlsoCoveredBy(List.of(
        new SourceLink("The Verge", "https://www.theverge.com/openai/gpt-4-5"),
        new SourceLink("Ars Technica", "https://arstechnica.com/ai/gpt-4-5/"),
        new SourceLink("Evil", "javascript:alert(1)")))
        .withWhatToDoNext(null);
  }
}
