package dev.newswire.pipeline.card;

import dev.newswire.pipeline.identity.ItemKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.config.LlmConfig;
import dev.newswire.config.TopicConfig;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OpenAI-compatible chat-completions endpoint for the card's text fields, validates the answer, caches it
 * per item, and falls back to the extractive card on any error, timeout or exhausted budget. The answer is cached,
 * so a story keeps the same card across retries.
 */
public final class LlmEnricher implements StoryEnricher {
  private static final Logger log = LoggerFactory.getLogger(LlmEnricher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CACHE_SIZE = 5_000;
  private static final int MAX_INPUT_CHARS = 6_000;

  private final Enricher extractive;
  private final Taxonomy taxonomy;
  private final LlmConfig config;
  private final String apiKey;
  private final Clock clock;
  private final HttpClient http;
  private final LlmAnswerValidator validator;
  private final Deque<Instant> recentCalls = new ArrayDeque<>();
  private final Map<String, LlmAnswer> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, LlmAnswer> eldest) {
      return size() > CACHE_SIZE;
    }
  });

  public LlmEnricher(Enricher extractive, Taxonomy taxonomy, LlmConfig config, String apiKey, Clock clock) {
    this.extractive = extractive;
    this.taxonomy = taxonomy;
    this.config = config;
    this.apiKey = apiKey;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    this.validator = new LlmAnswerValidator(taxonomy);
  }

  @Override
  public Card enrich(NewsItem item, String sourceName, String sourceIconUrl) {
    Card base = extractive.enrich(item, sourceName, sourceIconUrl);
    return answerFor(item).map(a -> merge(base, a)).orElse(base);
  }

  private Optional<LlmAnswer> answerFor(NewsItem item) {
    String key = ItemKeys.sha256(item.link() + "\n" + item.title() + "\n" + item.summary());
    LlmAnswer cached = cache.get(key);
    if (cached != null) return Optional.of(cached);
    if (!takeBudget()) {
      log.debug("LLM budget of {} calls/minute used up; extractive card for {}", config.maxCallsPerMinute(), item.link());
      return Optional.empty();
    }
    try {
      LlmAnswer answer = ask(item);
      cache.put(key, answer);
      return Optional.of(answer);
    } catch (Exception e) {
      log.warn("LLM enrichment failed for {} ({}); using the extractive card", item.link(), e.getMessage());
      return Optional.empty();
    }
  }

  private synchronized boolean takeBudget() {
    Instant now = clock.instant();
    while (!recentCalls.isEmpty() && recentCalls.peekFirst().isBefore(now.minusSeconds(60))) recentCalls.removeFirst();
    if (recentCalls.size() >= config.maxCallsPerMinute()) return false;
    recentCalls.addLast(now);
    return true;
  }

  private LlmAnswer ask(NewsItem item) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl().replaceAll("/+$", "") + "/chat/completions"))
        .timeout(config.timeout())
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestBody(item).toString()))
        .build();
    HttpResponse<String> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .get(config.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
    JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) throw new IllegalStateException("no message content in the answer");
    return validator.validate(content.asText());
  }

  ObjectNode requestBody(NewsItem item) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", config.model());
    body.put("temperature", 0);
    body.putObject("response_format").put("type", "json_object");
    ArrayNode messages = body.putArray("messages");
    StringBuilder topics = new StringBuilder();
    for (TopicConfig t : taxonomy.topics()) topics.append("- ").append(t.id()).append(": ").append(t.name()).append('\n');
    messages.addObject().put("role", "system").put("content",
        "You write news cards for an AI-news bot. Answer with one JSON object and nothing else, with keys: "
            + "tldr (at most 280 characters, whole sentences), keyPoints (up to 3 short strings), whyItMatters "
            + "(exactly one sentence), whoShouldCare (roles, comma separated), topics (up to 3 ids from the list), "
            + "whatToDoNext (optional: one concrete action for the reader). Use only facts from the story.\nTopics:\n"
            + topics);
    String text = (item.summary() + "\n" + item.contentText()).strip();
    if (text.length() > MAX_INPUT_CHARS) text = text.substring(0, MAX_INPUT_CHARS);
    messages.addObject().put("role", "user").put("content", "Title: " + item.title() + "\nText: " + text);
    return body;
  }

  private Card merge(Card base, LlmAnswer a) {
    Optional<TopicConfig> primary = a.topics().stream().map(taxonomy::byId).flatMap(Optional::stream).findFirst();
    List<String> names = a.topics().isEmpty() ? base.topics() : a.topics().stream().map(taxonomy::displayName).toList();
    int color = primary.map(t -> Enricher.parseColor(t.color())).orElse(base.color());
    return new Card(base.title(), base.url(), base.sourceName(), base.sourceIconUrl(), base.published(),
        base.imageUrl(), a.tldr(), a.keyPoints(), a.whyItMatters(), a.whoShouldCare(), names, color,
        base.alsoCoveredBy(), a.whatToDoNext());
  }
}
