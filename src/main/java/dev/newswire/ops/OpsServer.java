package dev.newswire.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint on the JDK HTTP server: GET /healthz (the process is up), GET /readyz (every readiness check
 * passes, else 503 naming what is not ready and why), GET /metrics (Prometheus text).
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
  private final Supplier<String> metrics;
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * @param port    0 picks a free port (see {@link #port()})
   * @param metrics Prometheus text for /metrics
   */
  public OpsServer(String bind, int port, List<ReadinessCheck> checks, Supplier<String> metrics) throws IOException {
    this.checks.addAll(checks);
    this.metrics = metrics;
    this.server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "newswire-ops-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public OpsServer start() {
    server.start();
    log.info("Operations endpoint on http://{}:{}/ (healthz, readyz, metrics)", server.getAddress().getHostString(), port());
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Adds a check, e.g. a chat platform once it is built. */
  public void addCheck(ReadinessCheck check) {
    checks.add(check);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      boolean head = ex.getRequestMethod().equals("HEAD");
      if (!ex.getRequestMethod().equals("GET") && !head) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "application/json", "{\"error\":\"method not allowed\"}", head);
        return;
      }
      switch (path) {
        case "/healthz" -> send(ex, 200, "application/json", "{\"status\":\"up\"}", head);
        case "/readyz" -> readiness(ex, head);
        case "/metrics" -> send(ex, 200, PROMETHEUS_TEXT, metrics.get(), head);
        default -> send(ex, 404, "application/json", "{\"error\":\"not found; try /healthz, /readyz or /metrics\"}", head);
      }
    } catch (RuntimeException e) {
      log.warn("Operations endpoint failed on {}", ex.getRequestURI(), e);
    }
  }

  private void readiness(HttpExchange ex, boolean head) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode checksNode = body.putObject("checks");
    ObjectNode notReady = JSON.createObjectNode();
    for (ReadinessCheck c : checks) {
      Optional<String> problem;
      try {
        problem = c.problem();
      } catch (RuntimeException e) {
        problem = Optional.of("the check failed: " + e);
      }
      checksNode.put(c.name(), problem.isEmpty() ? "ok" : "not ready");
      problem.ifPresent(p -> notReady.put(c.name(), p));
    }
    body.put("status", notReady.isEmpty() ? "ready" : "not ready");
    if (!notReady.isEmpty()) body.set("problems", notReady);
    send(ex, notReady.isEmpty() ? 200 : 503, "application/json", JSON.writeValueAsString(body), head);
  }

  private static void send(HttpExchange ex, int status, String type, String body, boolean head) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
