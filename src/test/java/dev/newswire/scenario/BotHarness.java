package dev.newswire.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.App;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.store.jdbc.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real bot (config → H2 → fetcher → parser → deduper → outbox → console in JSON mode) for scenario tests. */
final class BotHarness implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final App app;
  private int consumed;

  BotHarness(List<FeedConfig> feeds) {
    this(feeds, NetworkConfig.defaults().withAllowPrivateAddresses(true));
  }

  BotHarness(List<FeedConfig> feeds, NetworkConfig network) {
    NewswireConfig cfg = NewswireConfig.defaults().withStorage(TestDatabases.h2())
        .withPolling(new PollingConfig(Duration.ofMinutes(15), 4, 3, null, null)).withNetwork(network).withFeeds(feeds);
    app = new App(cfg, new PrintStream(buffer, true, StandardCharsets.UTF_8), true, Clock.systemUTC());
  }

  App app() {
    return app;
  }

  /** One cycle; returns the JSON lines posted during it. */
  List<JsonNode> poll() {
    try {
      Map<PollOutcome.Kind, Integer> ignored = app.runOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String all = buffer.toString(StandardCharsets.UTF_8);
    String fresh = all.substring(consumed);
    consumed = all.length();
    List<JsonNode> out = new ArrayList<>();
    for (String line : fresh.split("\n")) {
      if (line.isBlank()) continue;
      try {
        out.add(JSON.readTree(line));
      } catch (Exception e) {
        throw new AssertionError("not a JSON line: " + line, e);
      }
    }
    return out;
  }

  static List<String> titles(List<JsonNode> posts) {
    return posts.stream().map(p -> p.get("title").asText()).toList();
  }

  @Override
  public void close() {
    app.close();
  }
}
