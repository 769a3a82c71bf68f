package dev.newswire.platform.slack;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.command.Attachment;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.command.TextInvocationParser;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.SlackMrkdwn;
import dev.newswire.delivery.SlackRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of slash commands, on Bolt's {@link App}.
 *
 * <p>HTTP mode: a JDK {@link HttpServer} serves {@code POST /slack/events}; each request goes through
 * {@link SlackRequestParser} into {@code app.run}, so Bolt verifies the signature and the 5-minute timestamp
 * window (401 otherwise). On top, a signature already seen in the last 5 minutes is refused (401): Slack never
 * sends the same signed request twice, an attacker replaying a captured one would. Socket Mode: the same App
 * behind {@link SocketModeApp} with the Java-WebSocket backend (no public URL, no signatures).
 *
 * <p>Card buttons ({@code block_actions}) come the same way, signature checks included; see
 * {@link #onBlockAction}.
 *
 * <p>Each command group ("/news", "/news-admin") is acked at once; parsing errors and help are the ack itself,
 * real work runs on a small pool and answers through the response_url ({@code ctx.respond}).
 */
public final class SlackBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  public static final String EVENTS_PATH = "/slack/events";
  static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
  static final Duration ADMIN_CACHE = Duration.ofMinutes(5);
  /** Stories a "More like this" click shows. */
  static final long MORE_COUNT = 5;
  /** Always bound, so Slack never gets a 404 for a command in the manifest (config/slack-manifest.yaml). */
  public static final List<String> STANDARD_GROUPS = List.of(CommandSpec.NEWS, CommandSpec.ADMIN);
  private static final Pattern DOUBLE_STARS = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Gson GSON = GsonFactory.createSnakeCase();

  private final Slack slack;
  private final CommandHandler commands;
  private final TextInvocationParser parser;
  private final Clock clock;
  private final String signingSecret;
  private final String appToken;
  private final String botToken;
  private final App app;
  private final SlackRenderer renderer = new SlackRenderer();
  private final ExecutorService work;
  private final Map<String, Long> seenSignatures = new ConcurrentHashMap<>();
  private final Map<String, AdminFact> adminCache = new ConcurrentHashMap<>();
  private HttpServer server;
  private SocketModeApp socketApp;

  private record AdminFact(boolean admin, Instant until) {}

  /**
   * @param signingSecret required for HTTP mode; may be null in Socket Mode
   * @param appToken      xapp- token; when non-null {@link #startSocketMode()} can be used
   */
  public SlackBot(Slack slack, String botToken, String signingSecret, String appToken, CommandHandler commands,
      Clock clock) {
    this.slack = slack;
    this.commands = commands;
    this.parser = new TextInvocationParser(commands.specs());
    this.clock = clock;
    this.signingSecret = signingSecret;
    this.appToken = appToken;
    this.botToken = botToken;
    AppConfig config = AppConfig.builder()
        .singleTeamBotToken(botToken)
        .signingSecret(signingSecret)
        .requestVerificationEnabled(signingSecret != null)
        .slack(slack)
        .build();
    this.app = new App(config);
    AtomicInteger n = new AtomicInteger();
    this.work = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(200), r -> {
      Thread t = new Thread(r, "slack-command-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Set<String> groups = new LinkedHashSet<>(STANDARD_GROUPS);
    commands.specs().forEach(s -> groups.add(s.group()));
    for (String group : groups) {
      app.command("/" + group, (req, ctx) -> onCommand(group, req, ctx));
    }
    // One handler for every button, so unknown action_ids are acked too (Bolt would answer 404).
    app.blockAction(Pattern.compile(".*"), this::onBlockAction);
  }

  public App app() {
    return app;
  }

  /** Serves POST /slack/events on the port (0: any free port, see {@link #port()}). */
  public void startHttp(int port) throws IOException {
    if (signingSecret == null) {
      throw new IllegalStateException("HTTP mode needs SLACK_SIGNING_SECRET");
    }
    app.start();
    SlackRequestParser requestParser = new SlackRequestParser(app.config());
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(EVENTS_PATH, ex -> serve(ex, requestParser));
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "slack-http");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    log.info("Slack HTTP mode: listening on port {} at {}", port(), EVENTS_PATH);
  }

  /** Connects out over Socket Mode with the app-level token. */
  public void startSocketMode() throws Exception {
    if (appToken == null) {
      throw new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN (xapp-...)");
    }
    socketApp = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
    socketApp.startAsync();
    log.info("Slack Socket Mode: connected");
  }

  public int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  // ---- HTTP adapter ----

  private void serve(HttpExchange ex, SlackRequestParser requestParser) throws IOException {
    try (ex) {
      if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
        write(ex, 405, "text/plain", Map.of("Allow", List.of("POST")), "POST only");
        return;
      }
      String body = new String(ex.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8);
      RequestHeaders headers = new RequestHeaders(ex.getRequestHeaders());
      if (isReplay(headers, body)) {
        log.warn("Refused a replayed Slack request from {}", ex.getRemoteAddress());
        write(ex, 401, "application/json", Map.of(), "{\"error\":\"replayed request\"}");
        return;
      }
      var raw = SlackRequestParser.HttpRequest.builder()
          .requestUri(ex.getRequestURI().getPath())
          .queryString(QueryStringParser.toMap(ex.getRequestURI().getRawQuery()))
          .headers(headers)
          .requestBody(body)
          .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
          .build();
      Response r;
      try {
        r = app.run(requestParser.parse(raw));
      } catch (Exception e) {
        log.error("Bolt failed on a request", e);
        r = Response.json(500, Map.of("error", "internal error"));
      }
      write(ex, r.getStatusCode(), r.getContentType(), r.getHeaders(), r.getBody());
    } catch (RuntimeException e) {
      log.error("Slack HTTP adapter failed", e);
    }
  }

  /**
   * True when this exact, validly signed request was already accepted within the replay window. Only valid
   * signatures are remembered, so forgeries cannot fill the cache; invalid ones go on to Bolt, which answers 401.
   */
  private boolean isReplay(RequestHeaders headers, String body) {
    String ts = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    String sig = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    if (ts == null || sig == null) {
      return false;
    }
    long now = clock.millis();
    boolean valid = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret))
        .isValid(ts, body, sig, now);
    if (!valid) {
      return false;
    }
    seenSignatures.values().removeIf(expiry -> expiry < now);
    return seenSignatures.putIfAbsent(sig, now + REPLAY_WINDOW.toMillis() + 60_000) != null;
  }

  private static void write(HttpExchange ex, Integer status, String contentType, Map<String, List<String>> headers,
      String body) throws IOException {
    if (headers != null) {
      headers.forEach((k, v) -> ex.getResponseHeaders().put(k, v));
    }
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status == null ? 200 : status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  // ---- commands ----

  private Response onCommand(String group, SlashCommandRequest req, SlashCommandContext ctx) {
    SlashCommandPayload p = req.getPayload();
    TextInvocationParser.Result parsed = parser.parse(group, normalizeCommandText(p.getText()));
    if (parsed instanceof TextInvocationParser.Usage usage) {
      return ctx.ack(r -> r.responseType("ephemeral").text(toMrkdwn(usage.message())));
    }
    TextInvocationParser.Parsed cmd = (TextInvocationParser.Parsed) parsed;
    try {
      work.execute(() -> runAndRespond(cmd, p, ctx));
    } catch (RejectedExecutionException e) {
      return ctx.ack(r -> r.responseType("ephemeral").text("Newswire is busy; try again in a minute."));
    }
    return ctx.ack();
  }

  private void runAndRespond(TextInvocationParser.Parsed cmd, SlashCommandPayload p, SlashCommandContext ctx) {
    CommandSpec spec = cmd.spec();
    Reply reply;
    try {
      Invocation inv = new Invocation(new ChannelRef(SlackPlatform.ID, p.getTeamId(), p.getChannelId()),
          p.getUserId(), p.getUserName(), isWorkspaceAdmin(p.getTeamId(), p.getUserId()), withFileAuth(cmd.options(), botToken),
          clock.instant());
      reply = commands.handle(spec.group(), spec.path(), inv);
    } catch (RuntimeException e) {
      log.error("/{} {} failed", spec.group(), spec.path(), e);
      reply = new Reply.Error("Sorry, that failed on our side. The error is in the bot's log.");
    }
    try {
      ctx.respond(toResponse(spec, reply));
    } catch (IOException | RuntimeException e) {
      log.warn("Could not answer /{} {} through response_url: {}", spec.group(), spec.path(), e.toString());
    }
  }

  // ---- buttons ----

  /**
   * Card buttons. "Read" is a link (Slack still sends an action): ack only. "More like this" runs
   * {@code /news latest topic:<value> count:5} and "Mute source" runs {@code /news-admin feed pause <value>} for the
   * clicking user, on the work pool, answering ephemerally through the response_url; the command layer enforces
   * admin rights as for typed commands. Anything else: ack only.
   */
  private Response onBlockAction(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    if (p == null || p.getActions() == null || p.getActions().isEmpty()) {
      return ctx.ack();
    }
    BlockActionPayload.Action action = p.getActions().get(0);
    String value = action.getValue();
    String group;
    String path;
    Map<String, Object> options;
    if (SlackRenderer.ACTION_MORE.equals(action.getActionId()) && value != null && !value.isBlank()) {
      group = CommandSpec.NEWS;
      path = "latest";
      options = Map.of("topic", value, "count", MORE_COUNT);
    } else if (SlackRenderer.ACTION_MUTE.equals(action.getActionId()) && value != null && !value.isBlank()) {
      group = CommandSpec.ADMIN;
      path = "feed pause";
      options = Map.of("url", value);
    } else {
      return ctx.ack();
    }
    try {
      work.execute(() -> runButton(group, path, options, p, ctx));
    } catch (RejectedExecutionException e) {
      respondQuietly(ctx, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
          .text("Newswire is busy; try again in a minute.").build(), group, path);
    }
    return ctx.ack();
  }

  private void runButton(String group, String path, Map<String, Object> options, BlockActionPayload p,
      ActionContext ctx) {
    String teamId = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
    String userId = p.getUser() == null ? null : p.getUser().getId();
    String userName = p.getUser() == null ? null
        : p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
    String channelId = p.getChannel() == null ? null : p.getChannel().getId();
    Reply reply;
    try {
      Invocation inv = new Invocation(new ChannelRef(SlackPlatform.ID, teamId, channelId), userId, userName,
          userId != null && isWorkspaceAdmin(teamId, userId), options, clock.instant());
      reply = commands.handle(group, path, inv);
    } catch (RuntimeException e) {
      log.error("Button /{} {} failed", group, path, e);
      reply = new Reply.Error("Sorry, that failed on our side. The error is in the bot's log.");
    }
    Rendered r = rendered(reply);
    respondQuietly(ctx, ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(r.text())
        .blocks(r.blocks()).build(), group, path);
  }

  private static void respondQuietly(ActionContext ctx, ActionResponse response, String group, String path) {
    try {
      ctx.respond(response);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not answer the /{} {} button through response_url: {}", group, path, e.toString());
    }
  }

  /** Workspace admin or owner according to users.info, cached for a few minutes; false when unknown. */
  boolean isWorkspaceAdmin(String teamId, String userId) {
    String key = teamId + "/" + userId;
    AdminFact cached = adminCache.get(key);
    Instant now = clock.instant();
    if (cached != null && cached.until().isAfter(now)) {
      return cached.admin();
    }
    try {
      UsersInfoResponse r = app.client().usersInfo(q -> q.user(userId));
      if (!r.isOk() || r.getUser() == null) {
        log.warn("users.info for {} failed ({}); treating the user as a non-admin", userId, r.getError());
        return false;
      }
      boolean admin = r.getUser().isAdmin() || r.getUser().isOwner() || r.getUser().isPrimaryOwner();
      adminCache.put(key, new AdminFact(admin, now.plus(ADMIN_CACHE)));
      return admin;
    } catch (Exception e) {
      log.warn("users.info for {} failed ({}); treating the user as a non-admin", userId, e.toString());
      return false;
    }
  }

  SlashCommandResponse toResponse(CommandSpec spec, Reply reply) {
    boolean ephemeral = reply instanceof Reply.Error || spec.ephemeral() || reply.ephemeral();
    Rendered r = rendered(reply);
    return SlashCommandResponse.builder().responseType(ephemeral ? "ephemeral" : "in_channel").text(r.text())
        .blocks(r.blocks()).build();
  }

  /** A reply as Slack text (always) and blocks (for cards; null otherwise). */
  record Rendered(String text, List<LayoutBlock> blocks) {}

  Rendered rendered(Reply reply) {
    if (reply instanceof Reply.Cards cards && !cards.cards().isEmpty()) {
      ObjectNode args = cards.cards().size() == 1 && (cards.heading() == null || cards.heading().isBlank())
          ? renderer.render(cards.cards().get(0))
          : renderer.digest(cards.heading() == null ? "" : cards.heading(), cards.cards());
      return new Rendered(args.path("text").asText(), blocks(args.get("blocks").toString()));
    } else if (reply instanceof Reply.Cards cards) {
      return new Rendered(toMrkdwn((cards.heading() == null || cards.heading().isBlank() ? "" : cards.heading()
          + ": ") + "no stories yet."), null);
    } else if (reply instanceof Reply.Text text) {
      return new Rendered(toMrkdwn(text.text()), null);
    } else if (reply instanceof Reply.Error error) {
      return new Rendered(toMrkdwn(error.message()), null);
    }
    return new Rendered("", null);
  }

  static List<LayoutBlock> blocks(String json) {
    return GSON.fromJson(json, new TypeToken<List<LayoutBlock>>() {}.getType());
  }

  private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>\\s]+)(?:\\|[^>]*)?>");
  private static final Pattern LABELLED_REF = Pattern.compile("<([@#][A-Z0-9]+)\\|[^>]*>");

  /**
   * Slash command text as typed: Slack (with should_escape) wraps links as {@code <https://x|x>} and mentions as
   * {@code <@U1|name>}, and always escapes {@code & < >}. Links become bare URLs, mentions {@code <@U1>}, and
   * entities are decoded.
   */
  /**
   * Slack-hosted files (url_private on files.slack.com) need the bot token; it is added only for Slack's own hosts,
   * and the fetcher sends it only to that origin (never after a redirect elsewhere). Other links are fetched plainly.
   */
  static Map<String, Object> withFileAuth(Map<String, Object> options, String botToken) {
    if (botToken == null || options.values().stream().noneMatch(v -> v instanceof Attachment)) return options;
    Map<String, Object> out = new LinkedHashMap<>(options);
    out.replaceAll((k, v) -> v instanceof Attachment a && isSlackFileHost(a) && a.url().startsWith("https://")
        ? a.withHeader("Authorization", "Bearer " + botToken) : v);
    return out;
  }

  static boolean isSlackFileHost(Attachment a) {
    return a.host().equals("files.slack.com");
  }

  static String normalizeCommandText(String text) {
    if (text == null) {
      return "";
    }
    String s = LINK.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
    s = LABELLED_REF.matcher(s).replaceAll("<$1>");
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Our plain text with **bold** to Slack mrkdwn, with &, <, > and @channel made harmless. */
  static String toMrkdwn(String text) {
    String escaped = SlackMrkdwn.escapeControl(text == null ? "" : text);
    return DOUBLE_STARS.matcher(escaped).replaceAll("*$1*");
  }

  @Override
  public void close() {
    if (socketApp != null) {
      try {
        socketApp.close();
      } catch (Exception e) {
        log.debug("Socket Mode close failed", e);
      }
    }
    if (server != null) {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
    work.shutdownNow();
    app.stop();
  }
}
