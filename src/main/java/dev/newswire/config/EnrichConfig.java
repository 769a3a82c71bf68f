package dev.newswire.config;

/** How cards are enriched: extractive by default, optionally by an LLM. */
public record EnrichConfig(LlmConfig llm) {
  public EnrichConfig {
    llm = llm == null ? new LlmConfig(null, null, null, null) : llm;
  }

  public static EnrichConfig defaults() {
    return new EnrichConfig(null);
  }
}
