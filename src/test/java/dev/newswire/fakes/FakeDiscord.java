package dev.newswire.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.config.DiscordConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Discord for tests and benchmarks: REST v10 on the JDK HttpServer and a JSON gateway on Java-WebSocket,
 * speaking enough of the protocol for a real JDA 6.5 bot (see shared/notes/LIBRARIES.md, "Running JDA against a fake
 * Discord"). It records every REST request, can inject 429 / 5xx / error codes, dispatches interactions, and can
 * drop the gateway to test resume.
 *
 * <p>One guild {@value #GUILD_ID} ("Newsroom") with text channel {@value #CHANNEL_ID} (#news); {@link #addChannel}
 * adds more before the bot connects. Roles: @everyone (id = guild id, {@link #everyonePermissions}) and "admin"
 * {@value #ADMIN_ROLE_ID} (Manage Server). The guild owner is a third user, so no test member is owner by accident.
 */
public final class FakeDiscord implements AutoCloseable {
  private final List<JsonNode> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
  public static final String APP_ID = "111";
  public static final String BOT_ID = "111";
  public static final String GUILD_ID = "500";
  public static final String ADMIN_ROLE_ID = "501";
  public static final String CHANNEL_ID = "600";
  public static final String OWNER_ID = "999";
  public static final String TOKEN = "fake.discord.token";
  /** View Channel + Send Messages + Embed Links + Read Message History. */
  public static final long DEFAULT_BOT_PERMISSIONS = 1024 + 2048 + 16384 + 65536;
  public static final long MANAGE_SERVER = 32;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOINED = "2024-01-01T00:00:00.000000+00:00";

  /** One REST call as received; body is the JSON (payload_json of a multipart body), or "" when none. */
  public record Request(String method, String path, String query, String body, long atNanos) {
    public JsonNode json() {
      try {
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A canned answer for the next request matching method and path. */
  private record Fault(String method, Pattern path, int status, String body, Map<String, String> headers) {}

  private final HttpServer http;
  private final Gateway gateway;
  private final ExecutorService httpThreads;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final Map<String, String> channels = new ConcurrentHashMap<>(); // id -> name
  private final Map<String, byte[]> attachments = new ConcurrentHashMap<>(); // path -> content
  private final Set<WebSocket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong counter = new AtomicLong();
  private final AtomicInteger seq = new AtomicInteger();
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private volatile long everyonePermissions = DEFAULT_BOT_PERMISSIONS;
  private volatile boolean inGuild = true;

  private FakeDiscord() throws IOException, InterruptedException {
    channels.put(CHANNEL_ID, "news");
    httpThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-discord-rest");
      t.setDaemon(true);
      return t;
    });
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", this::handle);
    http.setExecutor(httpThreads);
    http.start();
    gateway = new Gateway();
    gateway.start();
    if (!gateway.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake gateway did not start");
    }
  }

  public static FakeDiscord start() {
    try {
      return new FakeDiscord();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String restBase() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
  }

  public String gatewayUrl() {
    return "ws://127.0.0.1:" + gateway.getPort() + "/";
  }

  public DiscordConfig config() {
    return new DiscordConfig(restBase(), gatewayUrl(), false, List.of());
  }

  // ------------------------------------------------------------------ set-up (before the bot connects)

  /** The @everyone role's permissions in the guild, i.e. the bot's (and every member's) base permissions. */
  public FakeDiscord everyonePermissions(long permissions) {
    this.everyonePermissions = permissions;
    return this;
  }

  public FakeDiscord addChannel(String id, String name) {
    channels.put(id, name);
    return this;
  }

  /** When false, READY lists no guild, as for a bot nobody has invited yet. */
  public FakeDiscord inGuild(boolean inGuild) {
    this.inGuild = inGuild;
    return this;
  }

  // ------------------------------------------------------------------ faults

  /** The next request matching method and path regex (without /api/v10) gets this answer instead. */
  public void failNext(String method, String pathRegex, int status, String jsonBody, Map<String, String> headers) {
    faults.add(new Fault(method, Pattern.compile(pathRegex), status, jsonBody, headers));
  }

  /** A 429 with Retry-After and retry_after, as Discord sends for a per-route bucket. */
  public void rateLimitNext(String method, String pathRegex, double retryAfterSeconds) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)));
    h.put("X-RateLimit-Limit", "5");
    h.put("X-RateLimit-Remaining", "0");
    h.put("X-RateLimit-Reset-After", Double.toString(retryAfterSeconds));
    h.put("X-RateLimit-Bucket", "fakebucket");
    h.put("X-RateLimit-Scope", "user");
    failNext(method, pathRegex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + retryAfterSeconds
        + ",\"global\":false}", h);
  }

  public void serverErrorNext(String method, String pathRegex, int status) {
    failNext(method, pathRegex, status, "{\"message\":\"Internal Server Error\",\"code\":0}", Map.of());
  }

  /** A Discord JSON error such as 10003 Unknown Channel or 50013 Missing Permissions. */
  public void errorCodeNext(String method, String pathRegex, int status, int code, String message) {
    failNext(method, pathRegex, status, "{\"message\":\"" + message + "\",\"code\":" + code + "}", Map.of());
  }

  // ------------------------------------------------------------------ recorded traffic

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method, String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return requests.stream().filter(r -> r.method().equals(method) && p.matcher(r.path()).matches()).toList();
  }

  /** Bodies of the messages created in a channel (successful POSTs only). */
  /** Thread creations on messages: {channel, message, body{name,…}}. */
  public List<JsonNode> threadsCreated() {
    return List.copyOf(threads);
  }

  public List<JsonNode> messagesIn(String channelId) {
    return created.stream().filter(m -> m.path("channel").asText().equals(channelId))
        .map(m -> m.path("body")).toList();
  }

  private final List<ObjectNode> created = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> edited = new CopyOnWriteArrayList<>();

  /** Bodies of the message edits (PATCH) in a channel, oldest first; each has "message_id" and "body". */
  public List<JsonNode> editsIn(String channelId) {
    return edited.stream().filter(m -> m.path("channel").asText().equals(channelId)).map(m -> (JsonNode) m).toList();
  }

  /** How long Discord remembers a nonce for enforce_nonce ("a few minutes"). */
  public static final Duration NONCE_WINDOW = Duration.ofMinutes(5);
  private record Nonced(ObjectNode message, long atNanos) {}
  private final Map<String, Nonced> nonces = new ConcurrentHashMap<>();
  private final AtomicInteger duplicateNonces = new AtomicInteger();

  /** How many posts were answered with an earlier message because of enforce_nonce. */
  public int duplicateNonces() {
    return duplicateNonces.get();
  }

  public Request awaitRequest(String method, String pathRegex, Duration timeout) {
    return awaitRequest(method, pathRegex, r -> true, timeout);
  }

  public Request awaitRequest(String method, String pathRegex, Predicate<Request> test, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (Request r : requests(method, pathRegex)) {
        if (test.test(r)) return r;
      }
      sleep(20);
    }
    throw new AssertionError("No " + method + " " + pathRegex + " within " + timeout + "; got " + requests.stream()
        .map(r -> r.method() + " " + r.path()).toList());
  }

  public int identifies() {
    return identifies.get();
  }

  public int resumes() {
    return resumes.get();
  }

  public int heartbeats() {
    return heartbeats.get();
  }

  public int openConnections() {
    return sockets.size();
  }

  // ------------------------------------------------------------------ gateway control

  /** Closes every gateway connection as a network failure would (no close frame); JDA must resume. */
  public void dropGateway() {
    for (WebSocket s : sockets) {
      s.closeConnection(1006, "fake network drop");
    }
  }

  /** Sends a dispatch (op 0) to every connected client. */
  public void dispatch(String type, JsonNode data) {
    ObjectNode msg = JSON.createObjectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
    msg.set("d", data);
    for (WebSocket s : sockets) {
      if (s.isOpen()) s.send(msg.toString());
    }
  }

  /** The interaction's id and token, to find its callback and webhook requests. */
  public record Interaction(String id, String token) {
    public String callbackPath() {
      return "/interactions/" + id + "/" + token + "/callback";
    }

    public String originalPath() {
      return "/webhooks/" + APP_ID + "/" + token + "/messages/@original";
    }

    public String followupPath() {
      return "/webhooks/" + APP_ID + "/" + token;
    }
  }

  /**
   * Dispatches a slash command typed by user 222 ("alice") in #news.
   *
   * @param group   subcommand group or null
   * @param sub     subcommand or null
   * @param options String → STRING, Integer/Long → INTEGER, Boolean → BOOLEAN
   * @param admin   true: the member has the admin role (Manage Server)
   */
  public Interaction slashCommand(String command, String group, String sub, Map<String, Object> options,
      boolean admin) {
    return interaction(2, command, group, sub, leafOptions(options, null), admin, null);
  }

  /**
   * Dispatches a slash command with a file attached to ATTACHMENT option {@code option}, in Discord's wire format:
   * the option's value is the attachment id, and {@code data.resolved.attachments} holds the attachment object with
   * its {@code url}. The fake serves the file at that URL (on its own loopback port, like Discord's CDN would).
   */
  public Interaction slashCommandWithAttachment(String command, String group, String sub, String option,
      String filename, byte[] content, Map<String, Object> otherOptions, boolean admin) {
    String attachmentId = snowflake();
    String path = "/attachments/" + CHANNEL_ID + "/" + attachmentId + "/" + filename;
    attachments.put(path, content.clone());
    String url = "http://127.0.0.1:" + http.getAddress().getPort() + path;
    ArrayNode leaves = leafOptions(otherOptions, null);
    leaves.addObject().put("name", option).put("type", 11).put("value", attachmentId);
    ObjectNode resolved = JSON.createObjectNode();
    resolved.putObject("attachments").putObject(attachmentId).put("id", attachmentId).put("filename", filename)
        .put("size", content.length).put("url", url + "?ex=6770f0a1&is=676f9f21&hm=abc123")
        .put("proxy_url", url.replace("/attachments/", "/proxy/attachments/")).put("content_type", "text/x-opml; charset=utf-8")
        .put("ephemeral", true);
    return interaction(2, command, group, sub, leaves, admin, resolved);
  }

  /** Downloads of attached files so far, by path. */
  public int attachmentDownloads() {
    return (int) requests.stream().filter(r -> r.path().startsWith("/attachments/")).count();
  }

  /** Dispatches an autocomplete request (interaction type 4) with the focused option. */
  public Interaction autocomplete(String command, String group, String sub, String option, String partial) {
    ArrayNode leaves = JSON.createArrayNode();
    leaves.addObject().put("name", option).put("type", 3).put("value", partial).put("focused", true);
    return interaction(4, command, group, sub, leaves, false, null);
  }

  private Interaction interaction(int type, String command, String group, String sub, ArrayNode leaves,
      boolean admin, ObjectNode resolved) {
    String id = snowflake();
    String token = "itoken" + id;
    ObjectNode d = JSON.createObjectNode();
    d.put("id", id).put("application_id", APP_ID).put("type", type).put("version", 1).put("token", token);
    d.put("guild_id", GUILD_ID).put("guild_locale", "en-US").put("locale", "en-US").put("channel_id", CHANNEL_ID);
    d.putObject("guild").put("id", GUILD_ID).put("locale", "en-US").putArray("features");
    ObjectNode channel = channelJson(CHANNEL_ID, channels.get(CHANNEL_ID), 0);
    channel.put("guild_id", GUILD_ID).put("permissions", "2147483647");
    d.set("channel", channel);
    long perms = everyonePermissions | (admin ? MANAGE_SERVER : 0);
    ObjectNode member = d.putObject("member");
    member.set("user", user("222", "alice", false));
    ArrayNode roles = member.putArray("roles");
    if (admin) roles.add(ADMIN_ROLE_ID);
    member.put("joined_at", JOINED).put("permissions", Long.toString(perms)).put("deaf", false).put("mute", false)
        .put("flags", 0);
    d.put("app_permissions", "2147483647");
    d.putObject("authorizing_integration_owners").put("0", GUILD_ID);
    d.put("context", 0);
    d.putArray("entitlements");
    ObjectNode data = d.putObject("data");
    data.put("id", "700").put("name", command).put("type", 1).put("guild_id", GUILD_ID);
    if (resolved != null) data.set("resolved", resolved);
    ArrayNode top = data.putArray("options");
    if (group != null) {
      ObjectNode g = top.addObject().put("name", group).put("type", 2);
      g.putArray("options").addObject().put("name", sub).put("type", 1).set("options", leaves);
    } else if (sub != null) {
      top.addObject().put("name", sub).put("type", 1).set("options", leaves);
    } else {
      top.addAll(leaves);
    }
    dispatch("INTERACTION_CREATE", d);
    return new Interaction(id, token);
  }

  private static ArrayNode leafOptions(Map<String, Object> options, String focused) {
    ArrayNode leaves = JSON.createArrayNode();
    if (options == null) return leaves;
    options.forEach((name, value) -> {
      ObjectNode o = leaves.addObject().put("name", name);
      if (value instanceof Boolean b) o.put("type", 5).put("value", b);
      else if (value instanceof Number n) o.put("type", 4).put("value", n.longValue());
      else o.put("type", 3).put("value", String.valueOf(value));
      if (name.equals(focused)) o.put("focused", true);
    });
    return leaves;
  }

  // ------------------------------------------------------------------ REST

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String fullPath = ex.getRequestURI().getPath();
      String path = fullPath.startsWith("/api/v10") ? fullPath.substring("/api/v10".length()) : fullPath;
      String query = ex.getRequestURI().getRawQuery();
      byte[] raw = ex.getRequestBody().readAllBytes();
      String contentType = ex.getRequestHeaders().getFirst("Content-Type");
      String body = jsonBody(new String(raw, StandardCharsets.UTF_8), contentType);
      requests.add(new Request(method, path, query == null ? "" : query, body, System.nanoTime()));

      if (method.equals("GET") && attachments.containsKey(fullPath)) {
        // The CDN: no Authorization needed (the URL is signed).
        byte[] file = attachments.get(fullPath);
        ex.getResponseHeaders().set("Content-Type", "text/x-opml; charset=utf-8");
        ex.sendResponseHeaders(200, file.length);
        ex.getResponseBody().write(file);
        return;
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      boolean webhookRoute = path.startsWith("/webhooks/") || path.startsWith("/interactions/");
      if (!webhookRoute && !("Bot " + TOKEN).equals(auth)) {
        send(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}", Map.of());
        return;
      }
      for (Fault f : faults) {
        if (f.method().equals(method) && f.path().matcher(path).matches() && faults.remove(f)) {
          send(ex, f.status(), f.body(), f.headers());
          return;
        }
      }
      route(ex, method, path, body);
    } catch (RuntimeException e) {
      e.printStackTrace();
      throw e;
    }
  }

  private void route(HttpExchange ex, String method, String path, String body) throws IOException {
    String[] p = path.split("/");
    if (method.equals("GET") && path.equals("/users/@me")) {
      send(ex, 200, user(BOT_ID, "newsbot", true).toString(), Map.of());
    } else if (method.equals("GET") && path.equals("/gateway/bot")) {
      send(ex, 200, "{\"url\":\"" + gatewayUrl() + "\",\"shards\":1,\"session_start_limit\":{\"total\":1000,"
          + "\"remaining\":1000,\"reset_after\":0,\"max_concurrency\":1}}", Map.of());
    } else if (method.equals("POST") && p.length == 4 && p[1].equals("channels") && p[3].equals("messages")) {
      String channelId = p[2];
      if (!channels.containsKey(channelId)) {
        send(ex, 404, "{\"message\":\"Unknown Channel\",\"code\":10003}", Map.of());
        return;
      }
      JsonNode parsed = JSON.readTree(body);
      // enforce_nonce: the same nonce in the same channel within a few minutes returns the first message
      // instead of creating a second one (Discord's documented de-duplication).
      String nonceKey = parsed.path("enforce_nonce").asBoolean(false) && parsed.hasNonNull("nonce")
          ? channelId + "/" + parsed.get("nonce").asText() : null;
      if (nonceKey != null) {
        Nonced seen = nonces.get(nonceKey);
        if (seen != null && System.nanoTime() - seen.atNanos() < NONCE_WINDOW.toNanos()) {
          duplicateNonces.incrementAndGet();
          send(ex, 200, seen.message().toString(), Map.of());
          return;
        }
      }
      ObjectNode msg = message(channelId, parsed, BOT_ID);
      if (nonceKey != null) nonces.put(nonceKey, new Nonced(msg, System.nanoTime()));
      ObjectNode record = JSON.createObjectNode().put("channel", channelId);
      record.put("id", msg.path("id").asText());
      record.set("body", JSON.readTree(body));
      created.add(record);
      send(ex, 200, msg.toString(), Map.of());
    } else if (method.equals("POST") && path.matches("/channels/\\d+/messages/\\d+/threads")) {
      ObjectNode record = JSON.createObjectNode().put("channel", p[2]).put("message", p[4]);
      record.set("body", JSON.readTree(body));
      threads.add(record);
      ObjectNode thread = JSON.createObjectNode().put("id", p[4]).put("type", 11).put("guild_id", GUILD_ID)
          .put("parent_id", p[2]).put("owner_id", BOT_ID).put("name", JSON.readTree(body).path("name").asText())
          .put("message_count", 0).put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0);
      thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
          .put("locked", false).put("archive_timestamp", "2026-11-28T00:00:00.000000+00:00");
      send(ex, 201, thread.toString(), Map.of());
    } else if (method.equals("PATCH") && p.length == 5 && p[1].equals("channels") && p[3].equals("messages")) {
      String channelId = p[2];
      if (!channels.containsKey(channelId)) {
        send(ex, 404, "{\"message\":\"Unknown Channel\",\"code\":10003}", Map.of());
        return;
      }
      ObjectNode msg = message(channelId, JSON.readTree(body), BOT_ID);
      msg.put("id", p[4]).put("edited_timestamp", "2026-11-28T12:01:00.000000+00:00");
      ObjectNode record = JSON.createObjectNode().put("channel", channelId).put("message_id", p[4]);
      record.set("body", JSON.readTree(body));
      edited.add(record);
      send(ex, 200, msg.toString(), Map.of());
    } else if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
      send(ex, 200, "[]", Map.of());
    } else if (method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback")) {
      ex.sendResponseHeaders(204, -1);
    } else if (path.matches("/webhooks/\\d+/[^/]+(/messages/[^/]+)?")) {
      if (method.equals("DELETE")) {
        ex.sendResponseHeaders(204, -1);
      } else {
        JsonNode b = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        send(ex, 200, message(CHANNEL_ID, b, APP_ID).put("webhook_id", APP_ID).toString(), Map.of());
      }
    } else if (method.equals("GET")) {
      send(ex, 200, "{}", Map.of());
    } else {
      send(ex, 200, "{}", Map.of());
    }
  }

  private ObjectNode message(String channelId, JsonNode body, String authorId) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", snowflake()).put("channel_id", channelId).put("type", 0)
        .put("content", body.path("content").asText(""));
    m.set("author", user(authorId, "newsbot", true));
    ArrayNode embeds = m.putArray("embeds");
    for (JsonNode e : body.path("embeds")) {
      ObjectNode copy = ((ObjectNode) e).deepCopy();
      copy.put("type", "rich"); // Discord adds it; JDA refuses embeds without it
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

  /** JDA sends multipart/form-data with a payload_json part when a request may carry files. */
  private static String jsonBody(String raw, String contentType) {
    if (contentType == null || !contentType.startsWith("multipart/form-data")) return raw.strip();
    String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
    for (String part : raw.split("--" + Pattern.quote(boundary))) {
      if (part.contains("name=\"payload_json\"")) {
        int start = part.indexOf("\r\n\r\n");
        return start < 0 ? "" : part.substring(start + 4).strip();
      }
    }
    return "";
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    // Discord's API answers through Google's front end; JDA takes a 429 without "via" for a Cloudflare ban.
    ex.getResponseHeaders().set("Via", "1.1 google");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) ex.getResponseBody().write(bytes);
  }

  // ------------------------------------------------------------------ gateway

  private final class Gateway extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Gateway() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
      setDaemon(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      sockets.add(conn);
      conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      sockets.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      JsonNode msg;
      try {
        msg = JSON.readTree(message);
      } catch (IOException e) {
        return;
      }
      switch (msg.path("op").asInt(-1)) {
        case 1 -> {
          heartbeats.incrementAndGet();
          conn.send("{\"op\":11}");
        }
        case 2 -> {
          identifies.incrementAndGet();
          conn.send(dispatchText("READY", ready()));
          if (inGuild) conn.send(dispatchText("GUILD_CREATE", guild()));
        }
        case 6 -> {
          resumes.incrementAndGet();
          conn.send(dispatchText("RESUMED", JSON.createObjectNode()));
        }
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
    d.set("user", user(BOT_ID, "newsbot", true));
    ArrayNode guilds = d.putArray("guilds");
    if (inGuild) guilds.addObject().put("id", GUILD_ID).put("unavailable", true);
    d.putArray("private_channels");
    d.put("session_id", "sess1").put("resume_gateway_url", gatewayUrl());
    d.putObject("application").put("id", APP_ID).put("flags", 0);
    return d;
  }

  private ObjectNode guild() {
    ObjectNode g = JSON.createObjectNode();
    g.put("id", GUILD_ID).put("name", "Newsroom").put("owner_id", OWNER_ID).put("member_count", 3)
        .put("large", false).put("joined_at", JOINED).put("afk_timeout", 300)
        .put("premium_progress_bar_enabled", false);
    g.putArray("features");
    ArrayNode roles = g.putArray("roles");
    roles.add(role(GUILD_ID, "@everyone", everyonePermissions, 0));
    roles.add(role(ADMIN_ROLE_ID, "admin", MANAGE_SERVER, 1));
    ArrayNode chans = g.putArray("channels");
    int pos = 0;
    for (Map.Entry<String, String> c : new ArrayList<>(channels.entrySet())) {
      chans.add(channelJson(c.getKey(), c.getValue(), pos++));
    }
    ObjectNode self = g.putArray("members").addObject();
    self.set("user", user(BOT_ID, "newsbot", true));
    self.putArray("roles");
    self.put("joined_at", JOINED).put("deaf", false).put("mute", false).put("flags", 0);
    for (String empty : List.of("emojis", "stickers", "threads", "voice_states", "presences",
        "guild_scheduled_events", "stage_instances", "soundboard_sounds")) {
      g.putArray(empty);
    }
    return g;
  }

  private static ObjectNode role(String id, String name, long permissions, int position) {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", id).put("name", name).put("permissions", Long.toString(permissions)).put("position", position)
        .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
    r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    return r;
  }

  private static ObjectNode channelJson(String id, String name, int position) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id).put("type", 0).put("name", name).put("position", position).put("nsfw", false)
        .putNull("parent_id").putNull("topic").putNull("last_message_id").put("rate_limit_per_user", 0)
        .put("flags", 0);
    c.putArray("permission_overwrites");
    return c;
  }

  private static ObjectNode user(String id, String name, boolean bot) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", id).put("username", name).put("discriminator", "0000").putNull("avatar").put("bot", bot)
        .put("verified", true).put("mfa_enabled", false).put("flags", 0);
    return u;
  }

  /** A snowflake for now: JDA reads an interaction's age from its id and refuses to answer expired ones. */
  private String snowflake() {
    long discordEpoch = 1420070400000L;
    return Long.toString(((System.currentTimeMillis() - discordEpoch) << 22) | (counter.incrementAndGet() & 0xFFF));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
