package dev.newswire.pipeline.card;

import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;

/** Turns a story into a card. Extractive by default ({@link Enricher}); optionally an LLM ({@link LlmEnricher}). */
public interface StoryEnricher {
  Card enrich(NewsItem item, String sourceName, String sourceIconUrl);
}
