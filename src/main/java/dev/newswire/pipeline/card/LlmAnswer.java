package dev.newswire.pipeline.card;

import java.util.List;

/** The fields an LLM may fill on a card, after validation. */
record LlmAnswer(String tldr, List<String> keyPoints, String whyItMatters, String whoShouldCare, List<String> topics,
    String whatToDoNext) {}
