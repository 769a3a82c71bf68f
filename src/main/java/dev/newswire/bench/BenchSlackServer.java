package dev.newswire.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.config.SlackSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Slack Web API for scenario 3 (trimmed from the tests' FakeSlack): chat.postMessage only, and it
 * <b>enforces</b> about one message per second per channel: a post less than {@code minSpacingMillis} after the
 * channel's last accepted one gets HTTP 429 with Retry-After: 1, as Slack does.
 */
public final class BenchSlackServer implements AutoCloseable {
  public static final String TOKEN = "xoxb-bench";

  static {
    Bench.noDelay();
  }

  private final HttpServer http;
  private final ExecutorService threads;
  private final long minSpacingNanos;
  private final Map<String, Long> lastAccepted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> messages = new ConcurrentHashMap<>();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicLong lastMessageNanos = new AtomicLong();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_000L);

  public BenchSlackServer(long minSpacingMillis) throws IOException {
    this.minSpacingNanos = TimeUnit.MILLISECONDS.toNanos(minSpacingMillis);
    threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "bench-slack");
      t.setDaemon(true);
      return t;
    });
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    http.createContext("/api/", this::handle);
    http.setExecutor(threads);
    http.start();
  }

  public SlackSettings settings() {
    return new SlackSettings("http://127.0.0.1:" + http.getAddress().getPort() + "/api/", null, null);
  }

  public Map<String, Integer> messageCounts() {
    Map<String, Integer> out = new HashMap<>();
    messages.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public int rateLimited() {
    return rateLimited.get();
  }

  public long lastMessageNanos() {
    return lastMessageNanos.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestURI().getPath().substring("/api/".length());
      Map<String, String> p = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (!method.equals("chat.postMessage")) {
        send(ex, 200, "{\"ok\":true}", null);
        return;
      }
      String channel = p.getOrDefault("channel", "");
      long now = System.nanoTime();
      boolean[] accepted = new boolean[1];
      lastAccepted.compute(channel, (k, last) -> {
        if (last != null && now - last < minSpacingNanos) return last;
        accepted[0] = true;
        return now;
      });
      if (!accepted[0]) {
        rateLimited.incrementAndGet();
        send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "1");
        return;
      }
      messages.computeIfAbsent(channel, k -> new AtomicInteger()).incrementAndGet();
      lastMessageNanos.accumulateAndGet(System.nanoTime(), Math::max);
      String t = ts.incrementAndGet() / 1_000_000 + "." + String.format("%06d", ts.get() % 1_000_000);
      send(ex, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + t + "\"}", null);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    if (body == null || body.isEmpty()) return out;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, String body, String retryAfter) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (retryAfter != null) ex.getResponseHeaders().set("Retry-After", retryAfter);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
  }
}
