package dev.newswire.config;

import java.time.Duration;

/**
 * Optional LLM enrichment through an OpenAI-compatible chat-completions endpoint (OpenAI, a local Ollama or vLLM).
 * Used only when baseUrl, model and NEWSWIRE_LLM_API_KEY are all set; otherwise cards are extractive.
 *
 * @param baseUrl           e.g. https://api.openai.com/v1 or http://localhost:11434/v1 ("/chat/completions" is appended)
 * @param model             model name, e.g. gpt-4o-mini or llama3.1
 * @param timeout           longest wait for one answer before falling back to the extractive card
 * @param maxCallsPerMinute calls above this budget fall back to the extractive card instead of queueing
 */
public record LlmConfig(String baseUrl, String model, Duration timeout, Integer maxCallsPerMinute) {
  public LlmConfig {
    timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    maxCallsPerMinute = maxCallsPerMinute == null ? 30 : maxCallsPerMinute;
  }

  public boolean configured() {
    return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
  }
}
