package dev.newswire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.config.DiscordConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback Discord for scenario 3, trimmed from the tests' FakeDiscord: REST v10 (JDK HttpServer) and a JSON
 * gateway (Java-WebSocket), enough for a real JDA bot to log in and post. Unlike the fake it <b>enforces</b>
 * Discord's limits: at most {@code globalPerSecond} requests in any one-second window (else 429 with
 * X-RateLimit-Global, Retry-After in whole seconds as Discord sends it, retry_after in the body), and the per-channel
 * message bucket (5 messages / 5 s, X-RateLimit-* headers on every answer). It counts accepted messages per channel.
 */
public final class BenchDiscordServer implements AutoCloseable {
  public static final String APP_ID = "111";
  public static final String GUILD_ID = "500";
  public static final String TOKEN = "bench.discord.token";
  static final long BOT_PERMISSIONS = 1024 + 2048 + 16384 + 65536;
  private static final long FIRST_CHANNEL = 10_000;
  private static final int BUCKET_LIMIT = 5;
  private static final long BUCKET_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOINED = "2024-01-01T00:00:00.000000+00:00";
  private static final Pattern MESSAGES = Pattern.compile("/channels/(\\d+)/messages");

  static {
    Bench.noDelay();
  }

  private final HttpServer http;
  private final Gateway gateway;
  private final ExecutorService httpThreads;
  private final int channels;
  private final int globalPerSecond;
  private final Deque<Long> globalWindow = new ArrayDeque<>();
  private final Map<String, Deque<Long>> buckets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> messages = new ConcurrentHashMap<>();
  private final AtomicInteger global429 = new AtomicInteger();
  private final AtomicInteger route429 = new AtomicInteger();
  private final AtomicLong lastMessageNanos = new AtomicLong();
  private final AtomicLong counter = new AtomicLong();
  private final AtomicInteger seq = new AtomicInteger();

  public BenchDiscordServer(int channels, int globalPerSecond) throws IOException, InterruptedException {
    this.channels = channels;
    this.globalPerSecond = globalPerSecond;
    httpThreads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "bench-discord-rest");
      t.setDaemon(true);
      return t;
    });
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    http.createContext("/", this::handle);
    http.setExecutor(httpThreads);
    http.start();
    gateway = new Gateway();
    gateway.start();
    if (!gateway.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("bench gateway did not start");
    }
  }

  public static String channelId(int i) {
    return Long.toString(FIRST_CHANNEL + i);
  }

  public DiscordConfig config() {
    return new DiscordConfig("http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/",
        "ws://127.0.0.1:" + gateway.getPort() + "/", false, List.of());
  }

  /** Accepted messages per channel id. */
  public Map<String, Integer> messageCounts() {
    Map<String, Integer> out = new java.util.HashMap<>();
    messages.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public int global429() {
    return global429.get();
  }

  public int route429() {
    return route429.get();
  }

  public long lastMessageNanos() {
    return lastMessageNanos.get();
  }

  /** Forgets the counts (e.g. after the login's traffic). */
  public void reset() {
    messages.clear();
    global429.set(0);
    route429.set(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String fullPath = ex.getRequestURI().getPath();
      String path = fullPath.startsWith("/api/v10") ? fullPath.substring("/api/v10".length()) : fullPath;
      byte[] raw = ex.getRequestBody().readAllBytes();
      if (!("Bot " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}", Map.of());
        return;
      }
      long now = System.nanoTime();
      double globalWait = takeGlobal(now);
      if (globalWait > 0) {
        global429.incrementAndGet();
        send(ex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":"
            + String.format(java.util.Locale.ROOT, "%.3f", globalWait) + ",\"global\":true}",
            Map.of("Retry-After", Long.toString((long) Math.ceil(globalWait)), "X-RateLimit-Global", "true",
                "X-RateLimit-Scope", "global"));
        return;
      }
      var m = MESSAGES.matcher(path);
      if (method.equals("POST") && m.matches()) {
        postMessage(ex, m.group(1), raw, now);
      } else if (method.equals("GET") && path.equals("/users/@me")) {
        send(ex, 200, user(APP_ID, "newsbot").toString(), Map.of());
      } else if (method.equals("GET") && path.equals("/gateway/bot")) {
        send(ex, 200, "{\"url\":\"ws://127.0.0.1:" + gateway.getPort() + "/\",\"shards\":1,\"session_start_limit\":"
            + "{\"total\":1000,\"remaining\":1000,\"reset_after\":0,\"max_concurrency\":1}}", Map.of());
      } else {
        send(ex, 200, "{}", Map.of());
      }
    }
  }

  /** Seconds to wait when the global window is full, else 0 (and the request is counted in the window). */
  private double takeGlobal(long now) {
    synchronized (globalWindow) {
      long windowStart = now - TimeUnit.SECONDS.toNanos(1);
      while (!globalWindow.isEmpty() && globalWindow.peekFirst() <= windowStart) globalWindow.pollFirst();
      if (globalWindow.size() >= globalPerSecond) {
        return Math.max(0.001, (globalWindow.peekFirst() - windowStart) / 1e9);
      }
      globalWindow.addLast(now);
      return 0;
    }
  }

  private void postMessage(HttpExchange ex, String channel, byte[] raw, long now) throws IOException {
    long index = Long.parseLong(channel) - FIRST_CHANNEL;
    if (index < 0 || index >= channels) {
      send(ex, 404, "{\"message\":\"Unknown Channel\",\"code\":10003}", Map.of());
      return;
    }
    Deque<Long> bucket = buckets.computeIfAbsent(channel, k -> new ArrayDeque<>());
    int remaining;
    double resetAfter;
    synchronized (bucket) {
      while (!bucket.isEmpty() && bucket.peekFirst() <= now - BUCKET_WINDOW_NANOS) bucket.pollFirst();
      if (bucket.size() >= BUCKET_LIMIT) {
        double wait = (bucket.peekFirst() + BUCKET_WINDOW_NANOS - now) / 1e9;
        route429.incrementAndGet();
        send(ex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + wait + ",\"global\":false}",
            Map.of("Retry-After", Long.toString((long) Math.ceil(wait)), "X-RateLimit-Limit", "5",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", Double.toString(wait),
                "X-RateLimit-Bucket", "benchmessages", "X-RateLimit-Scope", "user"));
        return;
      }
      bucket.addLast(now);
      remaining = BUCKET_LIMIT - bucket.size();
      resetAfter = (bucket.peekFirst() + BUCKET_WINDOW_NANOS - now) / 1e9;
    }
    JsonNode body = JSON.readTree(jsonBody(new String(raw, StandardCharsets.UTF_8),
        ex.getRequestHeaders().getFirst("Content-Type")));
    messages.computeIfAbsent(channel, k -> new AtomicInteger()).incrementAndGet();
    lastMessageNanos.accumulateAndGet(System.nanoTime(), Math::max);
    send(ex, 200, message(channel, body).toString(), Map.of("X-RateLimit-Limit", "5",
        "X-RateLimit-Remaining", Integer.toString(remaining), "X-RateLimit-Reset-After",
        String.format(java.util.Locale.ROOT, "%.3f", resetAfter), "X-RateLimit-Bucket", "benchmessages"));
  }

  private ObjectNode message(String channelId, JsonNode body) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", snowflake()).put("channel_id", channelId).put("type", 0)
        .put("content", body.path("content").asText(""));
    m.set("author", user(APP_ID, "newsbot"));
    ArrayNode embeds = m.putArray("embeds");
    for (JsonNode e : body.path("embeds")) {
      ObjectNode copy = ((ObjectNode) e).deepCopy();
      copy.put("type", "rich");
      embeds.add(copy);
    }
    m.putArray("attachments");
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("components");
    m.put("pinned", false).put("mention_everyone", false).put("tts", false)
        .put("timestamp", "2026-11-28T12:00:00.000000+00:00").putNull("edited_timestamp")
        .put("flags", body.path("flags").asInt(0));
    if (body.has("nonce")) m.set("nonce", body.get("nonce"));
    return m;
  }

  private static String jsonBody(String raw, String contentType) {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) return raw.isBlank() ? "{}" : raw.strip();
    String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
    for (String part : raw.split("--" + Pattern.quote(boundary))) {
      if (part.contains("name=\"payload_json\"")) {
        int start = part.indexOf("\r\n\r\n");
        return start < 0 ? "{}" : part.substring(start + 4).strip();
      }
    }
    return "{}";
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    // Discord answers through Google's front end; JDA takes a 429 without "via" for a Cloudflare ban.
    ex.getResponseHeaders().set("Via", "1.1 google");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) ex.getResponseBody().write(bytes);
  }

  private final class Gateway extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Gateway() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
      setDaemon(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      JsonNode msg;
      try {
        msg = JSON.readTree(message);
      } catch (IOException e) {
        return;
      }
      switch (msg.path("op").asInt(-1)) {
        case 1 -> conn.send("{\"op\":11}");
        case 2 -> {
          conn.send(dispatchText("READY", ready()));
          conn.send(dispatchText("GUILD_CREATE", guild()));
        }
        case 6 -> conn.send(dispatchText("RESUMED", JSON.createObjectNode()));
        default -> { }
      }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      if (conn == null) started.countDown();
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  private String dispatchText(String type, JsonNode d) {
    ObjectNode msg = JSON.createObjectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
    msg.set("d", d);
    return msg.toString();
  }

  private ObjectNode ready() {
    ObjectNode d = JSON.createObjectNode().put("v", 10);
    d.set("user", user(APP_ID, "newsbot"));
    d.putArray("guilds").addObject().put("id", GUILD_ID).put("unavailable", true);
    d.putArray("private_channels");
    d.put("session_id", "sess1").put("resume_gateway_url", "ws://127.0.0.1:" + gateway.getPort() + "/");
    d.putObject("application").put("id", APP_ID).put("flags", 0);
    return d;
  }

  private ObjectNode guild() {
    ObjectNode g = JSON.createObjectNode();
    g.put("id", GUILD_ID).put("name", "Bench").put("owner_id", "999").put("member_count", 2)
        .put("large", false).put("joined_at", JOINED).put("afk_timeout", 300)
        .put("premium_progress_bar_enabled", false);
    g.putArray("features");
    ObjectNode role = g.putArray("roles").addObject();
    role.put("id", GUILD_ID).put("name", "@everyone").put("permissions", Long.toString(BOT_PERMISSIONS))
        .put("position", 0).put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false)
        .put("flags", 0);
    role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    ArrayNode chans = g.putArray("channels");
    for (int i = 0; i < channels; i++) {
      ObjectNode c = chans.addObject();
      c.put("id", channelId(i)).put("type", 0).put("name", "news-" + i).put("position", i).put("nsfw", false)
          .putNull("parent_id").putNull("topic").putNull("last_message_id").put("rate_limit_per_user", 0)
          .put("flags", 0);
      c.putArray("permission_overwrites");
    }
    ObjectNode self = g.putArray("members").addObject();
    self.set("user", user(APP_ID, "newsbot"));
    self.putArray("roles");
    self.put("joined_at", JOINED).put("deaf", false).put("mute", false).put("flags", 0);
    for (String empty : List.of("emojis", "stickers", "threads", "voice_states", "presences",
        "guild_scheduled_events", "stage_instances", "soundboard_sounds")) {
      g.putArray(empty);
    }
    return g;
  }

  private static ObjectNode user(String id, String name) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", id).put("username", name).put("discriminator", "0000").putNull("avatar").put("bot", true)
        .put("verified", true).put("mfa_enabled", false).put("flags", 0);
    return u;
  }

  private String snowflake() {
    long discordEpoch = 1420070400000L;
    return Long.toString(((System.currentTimeMillis() - discordEpoch) << 22) | (counter.incrementAndGet() & 0xFFF));
  }

  @Override
  public void close() {
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.stop(0);
    httpThreads.shutdownNow();
  }
}
