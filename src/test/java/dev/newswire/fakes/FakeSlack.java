package dev.newswire.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Slack for tests: the Web API methods Newswire and Bolt use (under {@link #methodsUrlPrefix()}), a
 * response_url receiver (under {@link #responseUrl(String)}), optionally a Socket Mode WebSocket, and a client
 * that sends signed (or deliberately badly signed) slash commands to a bot's HTTP endpoint.
 *
 * <p>Everything received is recorded: form params decoded, {@code blocks} / {@code metadata} parsed as JSON.
 */
public final class FakeSlack implements AutoCloseable {

  public static final String BOT_TOKEN = "xoxb-fake-token";
  public static final String APP_TOKEN = "xapp-fake-token";
  public static final String SIGNING_SECRET = "fake-signing-secret";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call to the fake: a Web API method, or a POST to a response_url ("response_url" as method). */
  public record Call(String method, Map<String, String> params, String rawBody, String authorization, String path,
      Instant at) {
    public JsonNode json(String param) {
      String v = params.get(param);
      try {
        return v == null ? null : JSON.readTree(v);
      } catch (IOException e) {
        throw new AssertionError("param " + param + " is not JSON: " + v, e);
      }
    }

    public JsonNode body() {
      try {
        return JSON.readTree(rawBody);
      } catch (IOException e) {
        throw new AssertionError("body is not JSON: " + rawBody, e);
      }
    }
  }

  /** A canned answer. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer error(String error) {
      return new Answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    public static Answer rateLimited(int retryAfterSeconds) {
      return new Answer(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
          "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    public static Answer status(int status) {
      return new Answer(status, Map.of(), "{\"ok\":false,\"error\":\"fatal_error\"}");
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, ConcurrentLinkedDeque<Answer>> queued = new ConcurrentHashMap<>();
  private final Map<String, Boolean> admins = new ConcurrentHashMap<>();
  /** Channels where the bot is not a member yet: posts answer not_in_channel until conversations.join. */
  private final Set<String> notJoined = ConcurrentHashMap.newKeySet();
  /** Channels where conversations.join fails (private channels answer method_not_supported_for_channel_type). */
  private final Set<String> unjoinable = ConcurrentHashMap.newKeySet();
  private final Map<String, List<ObjectNode>> history = new ConcurrentHashMap<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_000L);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private SocketServer socket;

  /** The faults {@link #randomFaults} injects into chat.postMessage. */
  public enum Fault {
    /** HTTP 429 with Retry-After: nothing posted. */
    RATE_LIMITED,
    /** HTTP 500 before posting. */
    ERROR_BEFORE,
    /** The message is posted, then HTTP 500 (the answer is lost). */
    ERROR_AFTER,
    /** The answer is held past the client's timeout; nothing posted. */
    TIMEOUT_BEFORE,
    /** The message is posted, then the answer is held past the client's timeout. */
    TIMEOUT_AFTER,
    /** The connection is closed without an answer; nothing posted. */
    DROP_BEFORE,
    /** The message is posted, then the connection is closed without an answer. */
    DROP_AFTER
  }

  private volatile double faultRate;
  private volatile java.util.List<Fault> faultKinds = java.util.List.of(Fault.values());
  private volatile int retryAfterSeconds;
  private volatile long holdMillis = 20_000;
  private final Map<Fault, java.util.concurrent.atomic.AtomicInteger> faultCounts = new java.util.EnumMap<>(Fault.class);
  {
    for (Fault f : Fault.values()) faultCounts.put(f, new java.util.concurrent.atomic.AtomicInteger());
  }
  /** Per channel: when the last 429 said to come back (System.nanoTime). */
  private final Map<String, Long> retryNotBefore = new ConcurrentHashMap<>();
  private final List<String> retryAfterViolations = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger retriesAfterRateLimit = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * chat.postMessage fails at random with this probability, in equal parts across the {@link Fault} kinds (all of
   * them unless {@link #faultKinds} narrows it): 429s say Retry-After {@link #retryAfter} seconds; timeouts hold the
   * answer {@link #holdTimeouts} long (set it past the client's read timeout).
   */
  public FakeSlack randomFaults(double rate) {
    faultRate = rate;
    return this;
  }

  public FakeSlack faultKinds(Fault... kinds) {
    faultKinds = java.util.List.of(kinds);
    return this;
  }

  public FakeSlack retryAfter(int seconds) {
    retryAfterSeconds = seconds;
    return this;
  }

  public FakeSlack holdTimeouts(Duration hold) {
    holdMillis = hold.toMillis();
    return this;
  }

  /** Faults injected so far, by kind. */
  public Map<Fault, Integer> faultsInjected() {
    Map<Fault, Integer> out = new java.util.EnumMap<>(Fault.class);
    faultCounts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Faults injected so far: {nothing posted, posted then the answer lost}. */
  public int[] injectedFaults() {
    int before = 0;
    int after = 0;
    for (Map.Entry<Fault, Integer> e : faultsInjected().entrySet()) {
      if (e.getKey().name().endsWith("_AFTER")) after += e.getValue();
      else before += e.getValue();
    }
    return new int[] {before, after};
  }

  /**
   * chat.postMessage calls that arrived on a channel before the Retry-After of that channel's last 429 had passed
   * (each as "channel: N ms early").
   */
  public List<String> retryAfterViolations() {
    return List.copyOf(retryAfterViolations);
  }

  /** chat.postMessage calls to a channel that had been answered 429 before (the ones checked against Retry-After). */
  public int retriesAfterRateLimit() {
    return retriesAfterRateLimit.get();
  }

  /** Messages in a channel's history (successful chat.postMessage), oldest first. */
  public List<ObjectNode> history(String channel) {
    return List.copyOf(history.getOrDefault(channel, List.of()));
  }

  /** Every channel that has history. */
  public java.util.Set<String> channelsWithHistory() {
    return java.util.Set.copyOf(history.keySet());
  }

  public FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::api);
    server.createContext("/respond/", this::respond);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String methodsUrlPrefix() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public String responseUrl(String id) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
  }

  // ---- programming the fake ----

  /** The next call of this method gets this answer (queued answers are used in order, then the defaults). */
  public FakeSlack enqueue(String method, Answer answer) {
    queued.computeIfAbsent(method, k -> new ConcurrentLinkedDeque<>()).add(answer);
    return this;
  }

  public FakeSlack user(String userId, boolean admin) {
    admins.put(userId, admin);
    return this;
  }

  public FakeSlack botNotInChannel(String channel) {
    notJoined.add(channel);
    return this;
  }

  public FakeSlack channelNotJoinable(String channel) {
    notJoined.add(channel);
    unjoinable.add(channel);
    return this;
  }

  // ---- what happened ----

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits until at least {@code n} calls match; returns them. */
  public List<Call> await(String method, int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      List<Call> got = calls(method);
      if (got.size() >= n) {
        return got;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("expected " + n + " " + method + " calls within " + timeout + ", got " + calls(method));
  }

  public void reset() {
    calls.clear();
    queued.clear();
  }

  // ---- Web API ----

  private void api(HttpExchange ex) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = new LinkedHashMap<>();
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) {
      params.putAll(form(query));
    }
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      JsonNode node = JSON.readTree(body.isEmpty() ? "{}" : body);
      node.fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText()
          : f.getValue().toString()));
    } else {
      params.putAll(form(body));
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    calls.add(new Call(method, Collections.unmodifiableMap(params), body, auth, ex.getRequestURI().getPath(),
        Instant.now()));
    if ("chat.postMessage".equals(method) && params.get("channel") != null) {
      Long notBefore = retryNotBefore.remove(params.get("channel"));
      if (notBefore != null) {
        retriesAfterRateLimit.incrementAndGet();
        long early = notBefore - System.nanoTime();
        if (early > 0) retryAfterViolations.add(params.get("channel") + ": " + early / 1_000_000 + " ms early");
      }
    }
    ConcurrentLinkedDeque<Answer> q = queued.get(method);
    Answer canned = q == null ? null : q.poll();
    if (canned == null && "chat.postMessage".equals(method) && faultRate > 0
        && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < faultRate) {
      List<Fault> kinds = faultKinds;
      Fault fault = kinds.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(kinds.size()));
      faultCounts.get(fault).incrementAndGet();
      if (fault.name().endsWith("_AFTER")) defaultAnswer(method, params); // posted; the answer is lost below
      switch (fault) {
        case RATE_LIMITED -> {
          int after = retryAfterSeconds;
          if (params.get("channel") != null) {
            retryNotBefore.put(params.get("channel"), System.nanoTime() + after * 1_000_000_000L);
          }
          send(ex, 429, Map.of("Retry-After", String.valueOf(after)), "{\"ok\":false,\"error\":\"ratelimited\"}");
        }
        case ERROR_BEFORE, ERROR_AFTER -> send(ex, 500, Map.of(), "");
        case TIMEOUT_BEFORE, TIMEOUT_AFTER -> {
          try {
            Thread.sleep(holdMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close(); // by now the client has given up
        }
        case DROP_BEFORE, DROP_AFTER -> ex.close(); // no headers sent: the server closes the connection
      }
      return;
    }
    if (canned != null) {
      send(ex, canned.status(), canned.headers(), canned.body());
      return;
    }
    boolean appToken = "apps.connections.open".equals(method);
    String expected = "Bearer " + (appToken ? APP_TOKEN : BOT_TOKEN);
    if (!expected.equals(auth)) {
      send(ex, 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
      return;
    }
    send(ex, 200, Map.of(), defaultAnswer(method, params).toString());
  }

  private ObjectNode defaultAnswer(String method, Map<String, String> p) {
    ObjectNode ok = JSON.createObjectNode().put("ok", true);
    String channel = p.get("channel");
    switch (method) {
      case "auth.test" -> ok.put("url", "https://fake.slack.com/").put("team", "Fake").put("user", "newswire")
          .put("team_id", "T1").put("user_id", "UBOT").put("bot_id", "B1");
      case "chat.postMessage" -> {
        if (notJoined.contains(channel)) {
          return JSON.createObjectNode().put("ok", false).put("error", "not_in_channel");
        }
        String t = ts.incrementAndGet() + ".000100";
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("ts", t).put("text", p.get("text"))
            .put("bot_id", "B1");
        if (p.get("metadata") != null) {
          try {
            message.set("metadata", JSON.readTree(p.get("metadata")));
          } catch (IOException e) {
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_metadata_format");
          }
        }
        history.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(message);
        ok.put("channel", channel).put("ts", t).set("message", message);
      }
      case "chat.postEphemeral" -> ok.put("message_ts", ts.incrementAndGet() + ".000200");
      case "chat.update" -> ok.put("channel", channel).put("ts", p.get("ts")).put("text", p.get("text"));
      case "conversations.join" -> {
        if (unjoinable.contains(channel)) {
          return JSON.createObjectNode().put("ok", false).put("error", "method_not_supported_for_channel_type");
        }
        notJoined.remove(channel);
        ok.putObject("channel").put("id", channel).put("is_member", true);
      }
      case "conversations.history" -> {
        ArrayNode messages = ok.putArray("messages");
        List<ObjectNode> posted = new ArrayList<>(history.getOrDefault(channel, List.of()));
        Collections.reverse(posted); // newest first, like Slack
        posted.forEach(messages::add);
        ok.put("has_more", false);
      }
      case "users.info" -> {
        String user = p.get("user");
        boolean admin = admins.getOrDefault(user, false);
        ok.putObject("user").put("id", user).put("team_id", "T1").put("name", "user-" + user)
            .put("is_admin", admin).put("is_owner", false).put("is_bot", false).put("deleted", false);
      }
      case "apps.connections.open" -> {
        if (socket == null) {
          return JSON.createObjectNode().put("ok", false).put("error", "socket_mode_not_started_in_fake");
        }
        ok.put("url", "ws://127.0.0.1:" + socket.getPort() + "/link");
      }
      default -> { }
    }
    return ok;
  }

  private void respond(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(body);
      node.fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText()
          : f.getValue().toString()));
    } catch (IOException e) {
      params.put("_unparsed", body);
    }
    calls.add(new Call("response_url", Collections.unmodifiableMap(params), body, null, ex.getRequestURI().getPath(),
        Instant.now()));
    send(ex, 200, Map.of("Content-Type", "text/plain"), "ok");
  }

  private static void send(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  // ---- slash commands to a bot's HTTP endpoint ----

  public enum Signing { VALID, FORGED, STALE }

  /** A signed request as Slack would send it (a slash command, or a {@link #blockAction}); send it with {@link #send}. */
  public record SlashCommand(String body, String timestamp, String signature) {}

  public SlashCommand slashCommand(String command, String text, String userId, String channelId, Signing signing) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "deprecated-verification-token");
    f.put("team_id", "T1");
    f.put("team_domain", "fake");
    f.put("channel_id", channelId);
    f.put("channel_name", "general");
    f.put("user_id", userId);
    f.put("user_name", "user-" + userId);
    f.put("command", command);
    f.put("text", text);
    f.put("api_app_id", "A1");
    f.put("response_url", responseUrl("cmd-" + ts.incrementAndGet()));
    f.put("trigger_id", "trig-" + ts.get());
    StringBuilder body = new StringBuilder();
    f.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    long now = Instant.now().getEpochSecond();
    String timestamp = String.valueOf(signing == Signing.STALE ? now - 6 * 60 : now);
    String secret = signing == Signing.FORGED ? "not-the-secret" : SIGNING_SECRET;
    return new SlashCommand(body.toString(), timestamp, sign(secret, timestamp, body.toString()));
  }

  /**
   * A button click ({@code block_actions} interaction) as Slack would send it: form field {@code payload} holding the
   * JSON. Signed like a slash command, so it is sent with {@link #send}; its response_url is {@link #responseUrl}
   * ("act-..."), found with {@link #payloadOf}.
   */
  public SlashCommand blockAction(String actionId, String value, String userId, String channelId, Signing signing) {
    long n = ts.incrementAndGet();
    ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1")
        .put("token", "deprecated-verification-token").put("trigger_id", "trig-" + n)
        .put("response_url", responseUrl("act-" + n));
    p.putObject("user").put("id", userId).put("username", "user-" + userId).put("name", "user-" + userId)
        .put("team_id", "T1");
    p.putObject("team").put("id", "T1").put("domain", "fake");
    p.putObject("channel").put("id", channelId).put("name", "general");
    p.putObject("container").put("type", "message").put("message_ts", n + ".000100").put("channel_id", channelId)
        .put("is_ephemeral", false);
    ObjectNode action = p.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
        .put("block_id", "blk-" + n).put("action_ts", n + ".000300");
    action.putObject("text").put("type", "plain_text").put("text", "button").put("emoji", true);
    if (value != null) {
      action.put("value", value);
    }
    String body = "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    String timestamp = String.valueOf(signing == Signing.STALE ? now - 6 * 60 : now);
    String secret = signing == Signing.FORGED ? "not-the-secret" : SIGNING_SECRET;
    return new SlashCommand(body, timestamp, sign(secret, timestamp, body));
  }

  /** The interaction JSON inside a {@link #blockAction} body. */
  public static JsonNode payloadOf(SlashCommand interaction) {
    try {
      return JSON.readTree(form(interaction.body()).get("payload"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  public HttpResponse<String> send(String endpointUrl, SlashCommand cmd) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(endpointUrl))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", cmd.timestamp())
        .header("X-Slack-Signature", cmd.signature())
        .POST(HttpRequest.BodyPublishers.ofString(cmd.body()))
        .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(h);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- Socket Mode ----

  /** Starts a WebSocket that apps.connections.open points to; it says hello to each client. */
  public void startSocketMode() throws InterruptedException {
    socket = new SocketServer();
    socket.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (socket.getPort() == 0 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
  }

  /** Frames the Socket Mode client sent back (acks). */
  public List<String> socketFramesReceived() {
    return socket == null ? List.of() : List.copyOf(socket.received);
  }

  public boolean awaitSocketClient(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (socket != null && !socket.getConnections().isEmpty() && socket.helloSent) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /** Pushes a slash_commands envelope to every connected Socket Mode client. */
  public String pushSlashCommand(String command, String text, String userId, String channelId) {
    String envelopeId = "env-" + ts.incrementAndGet();
    ObjectNode env = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", "slash_commands")
        .put("accepts_response_payload", true);
    ObjectNode payload = env.putObject("payload");
    payload.put("token", "t").put("team_id", "T1").put("team_domain", "fake").put("channel_id", channelId)
        .put("channel_name", "general").put("user_id", userId).put("user_name", "user-" + userId)
        .put("command", command).put("text", text).put("api_app_id", "A1").put("is_enterprise_install", "false")
        .put("response_url", responseUrl("sock-" + envelopeId)).put("trigger_id", "trig");
    socket.broadcast(env.toString());
    return envelopeId;
  }

  private static final class SocketServer extends WebSocketServer {
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile boolean helloSent;

    SocketServer() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
          + "\"connection_info\":{\"app_id\":\"A1\"}}");
      helloSent = true;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) { }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) { }

    @Override
    public void onStart() { }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    if (socket != null) {
      try {
        socket.stop(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
