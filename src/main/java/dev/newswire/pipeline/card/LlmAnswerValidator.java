package dev.newswire.pipeline.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.news.Card;
import dev.newswire.news.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Accepts an LLM's JSON only when every field is what the card needs: right types, within lengths, topics from the
 * taxonomy, nothing else. A model that rambles, invents topics or adds keys is rejected as a whole, and the card falls
 * back to the extractive result: a card is never half model, half guess.
 */
final class LlmAnswerValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ALLOWED = Set.of("tldr", "keyPoints", "whyItMatters", "whoShouldCare", "topics",
      "whatToDoNext");
  static final int MAX_POINT = 200;
  static final int MAX_WHY = 240;
  static final int MAX_WHO = 120;
  static final int MAX_NEXT = 200;

  private final Taxonomy taxonomy;
  private final SentenceSplitter splitter = new SentenceSplitter();

  LlmAnswerValidator(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** @throws IllegalArgumentException saying which field is wrong */
  LlmAnswer validate(String content) {
    JsonNode root;
    try {
      root = JSON.readTree(stripFences(content));
    } catch (Exception e) {
      throw new IllegalArgumentException("answer is not JSON");
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("answer is not a JSON object");
    root.fieldNames().forEachRemaining(name -> {
      if (!ALLOWED.contains(name)) throw new IllegalArgumentException("unexpected field " + name);
    });
    String tldr = text(root, "tldr", Card.MAX_TLDR_LENGTH, true);
    String why = text(root, "whyItMatters", MAX_WHY, true);
    if (splitter.split(why).size() != 1) throw new IllegalArgumentException("whyItMatters is not one sentence");
    String who = text(root, "whoShouldCare", MAX_WHO, true);
    String next = text(root, "whatToDoNext", MAX_NEXT, false);
    List<String> points = new ArrayList<>();
    JsonNode kp = root.get("keyPoints");
    if (kp != null && !kp.isNull()) {
      if (!kp.isArray() || kp.size() > Card.MAX_KEY_POINTS) throw new IllegalArgumentException("keyPoints must be up to 3 strings");
      for (JsonNode p : kp) {
        if (!p.isTextual() || p.asText().isBlank() || p.asText().length() > MAX_POINT) {
          throw new IllegalArgumentException("a key point is empty or too long");
        }
        points.add(p.asText().strip());
      }
    }
    List<String> topics = new ArrayList<>();
    JsonNode tp = root.get("topics");
    if (tp == null || !tp.isArray() || tp.size() > 3) throw new IllegalArgumentException("topics must be up to 3 ids");
    for (JsonNode t : tp) {
      if (!t.isTextual() || taxonomy.byId(t.asText()).isEmpty()) {
        throw new IllegalArgumentException("topic " + t + " is not in the taxonomy");
      }
      if (!topics.contains(t.asText())) topics.add(t.asText());
    }
    return new LlmAnswer(tldr, points, why, who, topics, next);
  }

  private static String text(JsonNode root, String field, int max, boolean required) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      if (required) throw new IllegalArgumentException(field + " is missing");
      return null;
    }
    if (!n.isTextual()) throw new IllegalArgumentException(field + " is not a string");
    String v = n.asText().strip();
    if (v.isEmpty() && required) throw new IllegalArgumentException(field + " is empty");
    if (v.length() > max) throw new IllegalArgumentException(field + " is longer than " + max + " characters");
    return v.isEmpty() ? null : v;
  }

  /** Models often wrap JSON in a Markdown code fence even when asked not to. */
  static String stripFences(String s) {
    String t = s.strip();
    if (t.startsWith("```")) {
      int firstNewline = t.indexOf('\n');
      int lastFence = t.lastIndexOf("```");
      if (firstNewline > 0 && lastFence > firstNewline) return t.substring(firstNewline + 1, lastFence).strip();
    }
    return t;
  }
}
