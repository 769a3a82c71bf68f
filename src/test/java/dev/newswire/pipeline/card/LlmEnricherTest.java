package dev.newswire.pipeline.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.config.LlmConfig;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.support.Topics;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LLM enrichment against a local fake OpenAI-compatible endpoint: good, malformed, invalid, slow and rate-limited. */
class LlmEnricherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Taxonomy taxonomy = Topics.example();
  private final Enricher extractive = new Enricher(taxonomy);
  private HttpServer server;
  private final AtomicReference<String> content = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger delayMs = new AtomicInteger(0);
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> auth = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      requests.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
      auth.add(ex.getRequestHeaders().getFirst("Authorization"));
      try {
        Thread.sleep(delayMs.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      var answer = JSON.createObjectNode();
      answer.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", content.get());
      byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status.get(), body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      } catch (Exception ignored) {
        // the client gave up (slow-answer test)
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private LlmEnricher enricher(Duration timeout, int perMinute) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    return new LlmEnricher(extractive, taxonomy, new LlmConfig(base, "test-model", timeout, perMinute), "sk-test", Clock.systemUTC());
  }

  private static NewsItem item(String n) {
    return new NewsItem("g" + n, "Chipmaker ships new AI accelerator " + n, "https://n.example/" + n,
        "The accelerator doubles memory bandwidth. It ships in March.", "", null, null, null, List.of(), null, List.of());
  }

  private static final String GOOD = """
      {"tldr":"A chipmaker shipped an accelerator with twice the memory bandwidth.",
       "keyPoints":["Ships in March","Twice the bandwidth"],
       "whyItMatters":"More bandwidth makes large models cheaper to serve.",
       "whoShouldCare":"Infra teams, ML engineers",
       "topics":["chips"],
       "whatToDoNext":"Check whether your inference stack supports it."}""";

  @Test
  void aValidAnswerFillsTheCardAndIsCachedPerItem() {
    content.set("```json\n" + GOOD + "\n```");
    LlmEnricher llm = enricher(Duration.ofSeconds(5), 10);
    Card card = llm.enrich(item("1"), "Chip News", null);
    assertThat(card.tldr()).isEqualTo("A chipmaker shipped an accelerator with twice the memory bandwidth.");
    assertThat(card.keyPoints()).containsExactly("Ships in March", "Twice the bandwidth");
    assertThat(card.whyItMatters()).isEqualTo("More bandwidth makes large models cheaper to serve.");
    assertThat(card.whatToDoNext()).isEqualTo("Check whether your inference stack supports it.");
    assertThat(card.topics()).containsExactly(taxonomy.displayName("chips"));
    assertThat(card.title()).isEqualTo("Chipmaker ships new AI accelerator 1");
    assertThat(llm.enrich(item("1"), "Chip News", null)).isEqualTo(card);
    assertThat(requests).hasSize(1);
    JsonNode req = requests.get(0);
    assertThat(req.get("model").asText()).isEqualTo("test-model");
    assertThat(req.get("response_format").get("type").asText()).isEqualTo("json_object");
    assertThat(req.get("messages").get(1).get("content").asText()).contains("Chipmaker ships new AI accelerator 1");
    assertThat(auth.get(0)).isEqualTo("Bearer sk-test");
  }

  @Test
  void malformedOrInvalidAnswersFallBackToTheExtractiveCard() {
    LlmEnricher llm = enricher(Duration.ofSeconds(5), 100);
    String[] bad = {
        "not json at all",
        "[1,2,3]",
        GOOD.replace("\"chips\"", "\"crypto\""),                                      // topic outside the taxonomy
        GOOD.replace("\"Infra teams, ML engineers\"", "\"Infra\",\"extra\":\"x\""),   // unknown field
        GOOD.replace("A chipmaker shipped", "x".repeat(300)),                         // tl;dr too long
        GOOD.replace("More bandwidth makes large models cheaper to serve.", "One. Two. Three."),
        "{\"tldr\":\"only this\"}"};
    int n = 0;
    for (String answer : bad) {
      content.set(answer);
      NewsItem it = item("bad" + n++);
      assertThat(llm.enrich(it, "Chip News", null)).as(answer).isEqualTo(extractive.enrich(it, "Chip News", null));
    }
    status.set(500);
    content.set(GOOD);
    NewsItem it = item("500");
    assertThat(llm.enrich(it, "Chip News", null)).isEqualTo(extractive.enrich(it, "Chip News", null));
  }

  @Test
  void aSlowModelFallsBackWithinTheTimeout() {
    content.set(GOOD);
    delayMs.set(5_000);
    LlmEnricher llm = enricher(Duration.ofMillis(500), 10);
    NewsItem it = item("slow");
    Card card = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> llm.enrich(it, "Chip News", null));
    assertThat(card).isEqualTo(extractive.enrich(it, "Chip News", null));
  }

  @Test
  void callsAboveTheBudgetFallBackWithoutCallingTheModel() {
    content.set(GOOD);
    LlmEnricher llm = enricher(Duration.ofSeconds(5), 2);
    for (int i = 0; i < 5; i++) llm.enrich(item("b" + i), "Chip News", null);
    assertThat(requests).hasSize(2);
    NewsItem third = item("b2");
    assertThat(llm.enrich(third, "Chip News", null)).isEqualTo(extractive.enrich(third, "Chip News", null));
  }
}
