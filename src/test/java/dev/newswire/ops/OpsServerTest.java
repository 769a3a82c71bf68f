package dev.newswire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.pipeline.Router;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import dev.newswire.store.jdbc.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations endpoint over real HTTP, against a real H2 database and a real feed cycle. */
class OpsServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A Prometheus text sample: name, optional {labels}, a value (optionally a timestamp). */
  private static final Pattern SAMPLE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? "
          + "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");

  private final HttpClient http = HttpClient.newHttpClient();
  private MicrometerMetrics metrics;
  private Database db;
  private OpsServer server;

  @BeforeEach
  void open() {
    metrics = new MicrometerMetrics();
    db = Database.open(TestDatabases.h2(), null, metrics.poolMetrics());
    metrics.bindOutbox(new JdbcDeliveryStore(db), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (server != null) server.close();
    db.close();
    metrics.close();
  }

  private OpsServer start(ReadinessCheck... extra) throws Exception {
    List<ReadinessCheck> checks = new java.util.ArrayList<>();
    checks.add(ReadinessCheck.database(db.dataSource()));
    checks.addAll(List.of(extra));
    server = new OpsServer("127.0.0.1", 0, checks, metrics::scrape).start();
    return server;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzIsUp() throws Exception {
    start();
    HttpResponse<String> r = get("/healthz");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("up");
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void readyWhenTheDatabaseAnswers() throws Exception {
    start(ReadinessCheck.when("scheduler", () -> true, "not running"));
    HttpResponse<String> r = get("/readyz");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asText()).isEqualTo("ready");
    assertThat(body.get("checks").get("database").asText()).isEqualTo("ok");
    assertThat(body.get("checks").get("scheduler").asText()).isEqualTo("ok");
  }

  @Test
  void notReadyNamesTheFailingCheckAndWhy() throws Exception {
    start(ReadinessCheck.when("scheduler", () -> true, "not running"),
        ReadinessCheck.of("discord", () -> Optional.of("gateway disconnected (code 4004: invalid token)")));
    HttpResponse<String> r = get("/readyz");
    assertThat(r.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asText()).isEqualTo("not ready");
    assertThat(body.get("checks").get("database").asText()).isEqualTo("ok");
    assertThat(body.get("problems").get("discord").asText()).contains("invalid token");
    assertThat(body.get("problems").has("database")).isFalse();
  }

  @Test
  void notReadyWhenTheDatabaseIsClosed() throws Exception {
    start();
    db.close();
    HttpResponse<String> r = get("/readyz");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(r.body()).get("problems").get("database").asText()).startsWith("the database does not answer");
    assertThat(get("/healthz").statusCode()).as("liveness does not depend on the database").isEqualTo(200);
  }

  @Test
  void metricsAreValidPrometheusTextAndMoveAfterAPoll() throws Exception {
    start();
    try (FakeFeedServer feedServer = FakeFeedServer.start()) {
      feedServer.feed("/f.xml", "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><title>One</title>"
          + "<link>https://n.example/1</link></item></channel></rss>");
      JdbcFeedStore feeds = new JdbcFeedStore(db, Clock.systemUTC());
      feeds.syncConfigured(List.of(new FeedConfig(feedServer.url("/f.xml").toString(), "Local", null, null)));
      FeedCycle cycle = new FeedCycle(new FeedFetcher(NetworkConfig.defaults().withAllowPrivateAddresses(true)),
          new FeedParser(), new Deduper(), new TopicClassifier(Taxonomy.empty()),
          Router.everyStoryTo(List.of(ChannelRef.CONSOLE)), feeds, new JdbcItemStore(db), PollingConfig.defaults(),
          Clock.systemUTC(), metrics);

      String before = get("/metrics").body();
      assertThat(value(before, "newswire_feed_polls_total{outcome=\"baseline\"}")).isEqualTo(0.0);
      Feed feed = feeds.all().get(0);
      assertThat(cycle.poll(feed, true).kind()).isEqualTo(PollOutcome.Kind.BASELINE);
      cycle.poll(feeds.all().get(0), true);
      metrics.delivery("console", "sent");
      metrics.command("news latest", "ok");

      HttpResponse<String> r = get("/metrics");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      String text = r.body();
      for (String line : text.split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) continue;
        assertThat(SAMPLE.matcher(line).matches()).as("Prometheus sample line: %s", line).isTrue();
      }
      assertThat(value(text, "newswire_feed_polls_total{outcome=\"baseline\"}")).isEqualTo(1.0);
      double unchanged = value(text, "newswire_feed_polls_total{outcome=\"not_modified\"}")
          + value(text, "newswire_feed_polls_total{outcome=\"no_news\"}");
      assertThat(unchanged).isEqualTo(1.0);
      assertThat(value(text, "newswire_deliveries_total{platform=\"console\",result=\"sent\"}")).isEqualTo(1.0);
      assertThat(value(text, "newswire_commands_total{command=\"news latest\",outcome=\"ok\"}")).isEqualTo(1.0);
      assertThat(text).contains("newswire_feed_fetch_seconds_count{result=")
          .contains("newswire_outbox_pending ")
          .contains("newswire_outbox_oldest_pending_age_seconds ")
          .contains("jvm_memory_used_bytes{")
          .contains("jvm_threads_live_threads ")
          .contains("hikaricp_connections_active{pool=\"newswire-db\"}");
    }
  }

  private static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1).trim());
    }
    throw new AssertionError("no series " + series + " in\n" + text);
  }
}
