package dev.newswire.command;

import dev.newswire.config.CommandsConfig;
import dev.newswire.pipeline.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for commands from every platform. Adapters call {@link #dispatch} with what the user typed and
 * render the {@link Reply}; they call {@link #autocomplete} for options with {@link OptionSpec#autocomplete()}.
 *
 * <p>Everything that must hold whatever the platform is checked here: the command exists, the options fit the spec
 * (required, type, choices), admin rights for admin-only commands, a per-user rate limit, and no exception ever
 * reaches the adapter.
 */
public final class CommandRegistry {
  private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);
  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Discord shows at most 25 autocomplete suggestions. */
  public static final int MAX_SUGGESTIONS = 25;

  private final Map<String, BotCommand> commands = new LinkedHashMap<>();
  private final Admins admins;
  private final int perMinute;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
  private final PipelineMetrics metrics;

  /**
   * @param admins configured admin ids: "discord:123", "slack:U123", or a bare id for any platform
   */
  public CommandRegistry(Collection<String> admins, CommandsConfig config, Clock clock) {
    this(new Admins(admins), config, clock);
  }

  public CommandRegistry(Admins admins, CommandsConfig config, Clock clock) {
    this(admins, config, clock, PipelineMetrics.NOOP);
  }

  /** @param metrics counts every dispatch by command and outcome */
  public CommandRegistry(Admins admins, CommandsConfig config, Clock clock, PipelineMetrics metrics) {
    this.metrics = metrics;
    this.admins = admins;
    this.perMinute = (config == null ? CommandsConfig.defaults() : config).rateLimitPerMinute();
    this.clock = clock;
  }

  public CommandRegistry register(BotCommand command) {
    CommandSpec s = command.spec();
    String key = key(s.group(), s.path());
    if (commands.putIfAbsent(key, command) != null) throw new IllegalArgumentException("registered twice: " + key);
    return this;
  }

  public CommandRegistry registerAll(Collection<? extends BotCommand> all) {
    all.forEach(this::register);
    return this;
  }

  /** Every command's spec, in registration order: what adapters register natively and help is generated from. */
  public List<CommandSpec> specs() {
    return commands.values().stream().map(BotCommand::spec).toList();
  }

  /** Specs of one group ("news" or "news-admin"). */
  public List<CommandSpec> specs(String group) {
    return specs().stream().filter(s -> s.group().equals(group)).toList();
  }

  /** Whether the configured admin list names this user (the platform's own admin flag is checked separately). */
  public boolean isConfiguredAdmin(String platform, String userId) {
    return admins.isConfigured(platform, userId);
  }

  public boolean isAdmin(Invocation inv) {
    return admins.isAdmin(inv);
  }

  /**
   * Runs a command. Never throws.
   *
   * @param group the top-level command without slash: "news" or "news-admin"
   * @param path  the subcommand path: "latest", "feed add" (case and extra spaces ignored)
   */
  public Reply dispatch(String group, String path, Invocation invocation) {
    Outcome outcome = new Outcome();
    try {
      Reply reply = dispatchOrThrow(group, path, invocation, outcome);
      count(outcome.name, outcome.kind != null ? outcome.kind : reply instanceof Reply.Error ? "error" : "ok");
      return reply;
    } catch (RuntimeException e) {
      count(outcome.name, "crashed");
      log.error("Command /{} {} failed for {}", group, path, invocation == null ? null : invocation.userId(), e);
      return new Reply.Error("Something went wrong while running /" + group + " " + normalise(path)
          + " (" + e.getClass().getSimpleName() + "). Please try again in a minute; if it keeps failing, ask an admin"
          + " to check the bot's log.");
    }
  }

  /** What {@link #dispatch} counts: the command's name once known, and an outcome a Reply alone cannot tell. */
  private static final class Outcome {
    String name = "unknown";
    String kind;
  }

  private void count(String name, String outcome) {
    try {
      metrics.command(name, outcome);
    } catch (RuntimeException e) {
      log.warn("Recording command metrics failed", e);
    }
  }

  private Reply dispatchOrThrow(String group, String path, Invocation inv, Outcome outcome) {
    String g = group == null ? "" : group.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
    String p = normalise(path);
    BotCommand command = commands.get(key(g, p));
    if (command == null) {
      outcome.kind = "unknown";
      return unknown(g, p);
    }
    CommandSpec spec = command.spec();
    outcome.name = spec.group() + " " + spec.path();

    Reply limited = rateLimit(inv);
    if (limited != null) {
      outcome.kind = "rate_limited";
      return limited;
    }

    if (spec.adminOnly() && !isAdmin(inv)) {
      outcome.kind = "denied";
      return new Reply.Error("Only admins can use " + spec.usage() + ". Ask someone who manages this "
          + (inv.channel() != null && "slack".equals(inv.channel().platform()) ? "workspace" : "server")
          + ", or an admin listed under `admins:` in the bot's config.");
    }

    Map<String, Object> typed = new LinkedHashMap<>();
    for (String name : inv.options().keySet()) {
      if (spec.options().stream().noneMatch(o -> o.name().equals(name))) {
        return new Reply.Error("Unknown option '" + name + "'. Usage: `" + spec.usage() + "`");
      }
    }
    for (OptionSpec o : spec.options()) {
      Object raw = inv.options().get(o.name());
      if (raw == null || raw instanceof String str && str.isBlank()) {
        if (o.required()) {
          return new Reply.Error("Missing " + o.name() + " (" + o.description() + "). Usage: `" + spec.usage() + "`");
        }
        continue;
      }
      Object value = convert(o, raw);
      if (value == null) {
        return new Reply.Error("'" + raw + "' is not a valid " + o.name() + ": expected " + expected(o.type())
            + ". Usage: `" + spec.usage() + "`");
      }
      if (!o.choices().isEmpty()) {
        String match = o.choices().stream().filter(c -> c.equalsIgnoreCase(value.toString())).findFirst().orElse(null);
        if (match == null) {
          return new Reply.Error("'" + raw + "' is not a valid " + o.name() + ": choose one of "
              + String.join(", ", o.choices()) + ". Usage: `" + spec.usage() + "`");
        }
        typed.put(o.name(), o.type() == OptionType.STRING ? match : value);
      } else {
        typed.put(o.name(), value);
      }
    }
    Invocation clean = new Invocation(inv.channel(), inv.userId(), inv.userName(), inv.platformAdmin(), typed,
        inv.at() == null ? clock.instant() : inv.at());
    Reply reply = command.handle(clean);
    if (reply == null) throw new IllegalStateException(spec.usage() + " returned no reply");
    return reply;
  }

  /** Suggestions for an autocomplete option, filtered by what was typed; never throws. */
  public List<String> autocomplete(String group, String path, String option, String partial) {
    try {
      String g = group == null ? "" : group.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
      BotCommand command = commands.get(key(g, normalise(path)));
      if (command == null) return List.of();
      String typed = partial == null ? "" : partial.strip();
      List<String> out = command.complete(option, typed);
      if (out == null) return List.of();
      return out.stream().limit(MAX_SUGGESTIONS).toList();
    } catch (RuntimeException e) {
      log.warn("Autocomplete for /{} {} {} failed", group, path, option, e);
      return List.of();
    }
  }

  private Reply unknown(String group, String path) {
    List<CommandSpec> inGroup = specs(group);
    if (inGroup.isEmpty()) {
      Set<String> groups = new LinkedHashSet<>();
      for (CommandSpec s : specs()) groups.add("/" + s.group());
      return new Reply.Error("Unknown command /" + group + ". Commands: " + String.join(", ", groups));
    }
    StringBuilder sb = new StringBuilder(path.isEmpty() ? "Give a subcommand" : "Unknown command /" + group + " " + path)
        .append(". Valid subcommands:");
    for (CommandSpec s : inGroup) sb.append("\n• `").append(s.usage()).append("` — ").append(s.description());
    return new Reply.Error(sb.toString());
  }

  private Reply rateLimit(Invocation inv) {
    String user = (inv.channel() == null ? "" : inv.channel().platform()) + ":" + inv.userId();
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(user, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) times.pollFirst();
      if (times.size() >= perMinute) {
        long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds()
            + (Duration.between(now, times.peekFirst().plus(WINDOW)).toNanosPart() > 0 ? 1 : 0));
        return new Reply.Error("Easy there — you can run " + perMinute + " commands a minute. Please try again in "
            + wait + " second" + (wait == 1 ? "" : "s") + ".");
      }
      times.addLast(now);
    }
    if (recent.size() > 10_000) recent.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(now.minus(WINDOW));
      }
    });
    return null;
  }

  private static Object convert(OptionSpec o, Object raw) {
    return switch (o.type()) {
      case STRING, MENTIONABLE -> raw.toString().strip();
      case ATTACHMENT -> raw instanceof Attachment a ? a : Attachment.link(raw.toString());
      case INTEGER -> {
        if (raw instanceof Number n) yield n.longValue();
        try {
          yield Long.parseLong(raw.toString().strip());
        } catch (NumberFormatException e) {
          yield null;
        }
      }
      case BOOLEAN -> {
        if (raw instanceof Boolean b) yield b;
        String s = raw.toString().strip().toLowerCase(Locale.ROOT);
        yield switch (s) {
          case "true", "yes", "on" -> Boolean.TRUE;
          case "false", "no", "off" -> Boolean.FALSE;
          default -> null;
        };
      }
    };
  }

  private static String expected(OptionType type) {
    return switch (type) {
      case INTEGER -> "a whole number";
      case BOOLEAN -> "true or false";
      case MENTIONABLE -> "a user or role";
      case STRING -> "text";
      case ATTACHMENT -> "a file or an http(s) link to one";
    };
  }

  static String normalise(String path) {
    return path == null ? "" : path.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String key(String group, String path) {
    return group + " " + normalise(path);
  }

  /** For help: the commands visible to this caller. */
  public List<CommandSpec> visibleTo(Invocation inv) {
    List<CommandSpec> out = new ArrayList<>();
    boolean admin = isAdmin(inv);
    for (CommandSpec s : specs()) if (!s.adminOnly() || admin) out.add(s);
    return out;
  }
}
