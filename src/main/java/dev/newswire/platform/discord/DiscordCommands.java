package dev.newswire.platform.discord;

import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.Reply;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.DiscordRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the neutral command specs to native slash commands: group "news" → /news, "news-admin" → /news-admin (shown
 * to Manage Server by default; the core still checks every call), path "latest" → subcommand, "feed add" →
 * subcommand group "feed" + subcommand "add". Answers are deferred at once and sent through the interaction hook
 * from a worker thread, so a slow command never blocks the gateway or misses Discord's 3-second window.
 */
public final class DiscordCommands extends ListenerAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordCommands.class);
  static final int MAX_CHOICES = 25;
  static final int MAX_DESCRIPTION = 100;

  private final CommandHandler handler;
  private final DiscordRenderer renderer;
  private final boolean global;
  private final List<String> guildIds;
  private final Path hashFile;
  private final Clock clock;
  private final ExecutorService workers;
  private final Map<String, String> lastHash = new ConcurrentHashMap<>();
  private final Map<String, CommandSpec> byKey = new LinkedHashMap<>();

  /**
   * @param guildIds guilds to register in; empty means every guild the bot is in (and every guild it joins)
   * @param hashFile where the last pushed definition hash per guild is kept across restarts; null keeps it in memory
   */
  public DiscordCommands(CommandHandler handler, DiscordRenderer renderer, boolean global, List<String> guildIds,
      Path hashFile, Clock clock) {
    this.handler = handler;
    this.renderer = renderer;
    this.global = global;
    this.guildIds = List.copyOf(guildIds);
    this.hashFile = hashFile;
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "discord-command");
      t.setDaemon(true);
      return t;
    });
    for (CommandSpec s : handler.specs()) {
      byKey.put(key(s.group(), s.path()), s);
    }
    loadHashes();
  }

  // ---------------------------------------------------------------- definitions

  /** The slash commands for the given specs, one top-level command per group, in first-seen order. */
  public static List<SlashCommandData> commandData(List<CommandSpec> specs) {
    Map<String, List<CommandSpec>> groups = new LinkedHashMap<>();
    for (CommandSpec s : specs) groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
    List<SlashCommandData> result = new ArrayList<>();
    for (Map.Entry<String, List<CommandSpec>> g : groups.entrySet()) {
      boolean admin = CommandSpec.ADMIN.equals(g.getKey()) || g.getValue().stream().allMatch(CommandSpec::adminOnly);
      SlashCommandData cmd = Commands.slash(g.getKey(), admin ? "Newswire administration" : "AI news from Newswire")
          .setContexts(InteractionContextType.GUILD)
          .setDefaultPermissions(admin ? DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)
              : DefaultMemberPermissions.ENABLED);
      Map<String, SubcommandGroupData> subGroups = new LinkedHashMap<>();
      for (CommandSpec s : g.getValue()) {
        String[] words = s.path().trim().split("\\s+");
        SubcommandData sub = new SubcommandData(words[words.length - 1], fitDescription(s.description()));
        for (OptionSpec o : s.options()) sub.addOptions(option(o));
        if (words.length == 1) {
          cmd.addSubcommands(sub);
        } else if (words.length == 2) {
          subGroups.computeIfAbsent(words[0], w -> {
            SubcommandGroupData data = new SubcommandGroupData(w, fitDescription(w + " commands"));
            cmd.addSubcommandGroups(data);
            return data;
          }).addSubcommands(sub);
        } else {
          throw new IllegalArgumentException("Command path must be one or two words: " + s.path());
        }
      }
      result.add(cmd);
    }
    return result;
  }

  private static OptionData option(OptionSpec o) {
    OptionType type = switch (o.type()) {
      case STRING -> OptionType.STRING;
      case INTEGER -> OptionType.INTEGER;
      case BOOLEAN -> OptionType.BOOLEAN;
      case MENTIONABLE -> OptionType.MENTIONABLE;
      case ATTACHMENT -> OptionType.ATTACHMENT;
    };
    OptionData data = new OptionData(type, o.name(), fitDescription(o.description()), o.required());
    if (!o.choices().isEmpty() && (type == OptionType.STRING || type == OptionType.INTEGER)) {
      for (String c : o.choices().stream().limit(MAX_CHOICES).toList()) {
        if (type == OptionType.INTEGER) data.addChoice(c, Long.parseLong(c));
        else data.addChoice(c, c);
      }
    } else if (o.autocomplete() && (type == OptionType.STRING || type == OptionType.INTEGER)) {
      data.setAutoComplete(true);
    }
    return data;
  }

  private static String fitDescription(String d) {
    String text = d == null || d.isBlank() ? "-" : d.strip();
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
  }

  /** SHA-256 of the JSON Discord receives; equal definitions give equal hashes. */
  static String hash(List<SlashCommandData> commands) {
    DataArray array = DataArray.empty();
    for (SlashCommandData c : commands) array.add(c.toData());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(array.toJson());
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- registration

  /** Registers the commands in the configured guilds (and globally when asked); skips what is unchanged. */
  public void register(JDA jda) {
    List<SlashCommandData> data = commandData(handler.specs());
    String hash = hash(data);
    if (global && !hash.equals(lastHash.get("global"))) {
      jda.updateCommands().addCommands(data).complete();
      remember("global", hash);
      log.info("Discord: registered {} global command(s).", data.size());
    }
    List<Guild> targets = guildIds.isEmpty() ? jda.getGuilds()
        : guildIds.stream().map(jda::getGuildById).filter(java.util.Objects::nonNull).toList();
    for (Guild g : targets) registerIn(g, data, hash);
    for (String id : guildIds) {
      if (jda.getGuildById(id) == null) {
        log.warn("Discord: discord.guilds lists {}, but the bot is not in that server.", id);
      }
    }
  }

  private void registerIn(Guild guild, List<SlashCommandData> data, String hash) {
    if (hash.equals(lastHash.get(guild.getId()))) {
      log.debug("Discord: commands in {} unchanged, not pushed.", guild.getId());
      return;
    }
    try {
      guild.updateCommands().addCommands(data).complete();
      remember(guild.getId(), hash);
      log.info("Discord: registered {} command(s) in server {} ({}).", data.size(), guild.getName(), guild.getId());
    } catch (RuntimeException e) {
      log.warn("Discord: could not register commands in server {} ({}): {}. Re-invite the bot with the "
          + "applications.commands scope.", guild.getName(), guild.getId(), e.getMessage());
    }
  }

  @Override
  public void onGuildJoin(GuildJoinEvent event) {
    if (guildIds.isEmpty() || guildIds.contains(event.getGuild().getId())) {
      List<SlashCommandData> data = commandData(handler.specs());
      workers.execute(() -> registerIn(event.getGuild(), data, hash(data)));
    }
  }

  private synchronized void remember(String scope, String hash) {
    lastHash.put(scope, hash);
    if (hashFile == null) return;
    Properties p = new Properties();
    p.putAll(lastHash);
    try {
      Files.createDirectories(hashFile.toAbsolutePath().getParent());
      try (var out = Files.newOutputStream(hashFile)) {
        p.store(out, "Newswire: last slash-command definitions pushed per Discord server");
      }
    } catch (IOException e) {
      log.warn("Discord: cannot write {}: {}", hashFile, e.getMessage());
    }
  }

  private void loadHashes() {
    if (hashFile == null || !Files.isReadable(hashFile)) return;
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(hashFile, StandardCharsets.ISO_8859_1)) {
      p.load(in);
      p.forEach((k, v) -> lastHash.put(k.toString(), v.toString()));
    } catch (IOException e) {
      log.warn("Discord: cannot read {}: {}", hashFile, e.getMessage());
    }
  }

  // ---------------------------------------------------------------- handling

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    String path = event.getSubcommandGroup() == null ? nullToEmpty(event.getSubcommandName())
        : event.getSubcommandGroup() + " " + event.getSubcommandName();
    CommandSpec spec = byKey.get(key(event.getName(), path));
    boolean ephemeral = spec == null || spec.ephemeral();
    event.deferReply(ephemeral).queue(null, e -> log.warn("Discord: could not acknowledge /{} {}: {}",
        event.getName(), path, e.toString()));
    InteractionHook hook = event.getHook();
    Invocation invocation = invocation(event, spec);
    workers.execute(() -> {
      Reply reply;
      try {
        reply = spec == null ? new Reply.Error("This command is no longer supported; it will disappear shortly.")
            : handler.handle(spec.group(), spec.path(), invocation);
      } catch (RuntimeException e) {
        log.error("Command /{} {} crashed", event.getName(), path, e);
        reply = new Reply.Error("Something went wrong running this command; the error was logged.");
      }
      answer(hook, ephemeral, reply);
    });
  }

  private void answer(InteractionHook hook, boolean deferredEphemeral, Reply reply) {
    MessageCreateData message = message(reply);
    if (reply.ephemeral() && !deferredEphemeral) {
      // The deferred answer is public, but this one is for the caller only: drop it and answer privately.
      hook.deleteOriginal().queue(ok -> { }, e -> { });
      hook.sendMessage(message).setEphemeral(true).queue(ok -> { }, e -> log.warn("Discord: reply failed: {}", e.toString()));
    } else {
      hook.editOriginal(DiscordMessages.edit(message)).queue(ok -> { },
          e -> log.warn("Discord: reply failed: {}", e.toString()));
    }
  }

  private MessageCreateData message(Reply reply) {
    if (reply instanceof Reply.Text t) return DiscordMessages.text(t.text());
    if (reply instanceof Reply.Error e) return DiscordMessages.text(e.message());
    Reply.Cards c = (Reply.Cards) reply;
    String heading = c.heading() == null ? "" : c.heading();
    if (c.cards().isEmpty()) return DiscordMessages.text(heading.isBlank() ? "No stories." : heading);
    // One card without a heading gets the full embed; several get compact embeds (at most 10) or a list.
    return DiscordMessages.create(c.cards().size() == 1 && heading.isBlank() ? renderer.render(c.cards().get(0))
        : renderer.digest(heading, c.cards()));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String path = event.getSubcommandGroup() == null ? nullToEmpty(event.getSubcommandName())
        : event.getSubcommandGroup() + " " + event.getSubcommandName();
    CommandSpec spec = byKey.get(key(event.getName(), path));
    if (spec == null) {
      event.replyChoices(List.of()).queue();
      return;
    }
    String option = event.getFocusedOption().getName();
    String partial = event.getFocusedOption().getValue();
    Invocation invocation = new Invocation(channelRef(event.getGuild(), event.getChannelId()), event.getUser().getId(),
        event.getUser().getName(), isAdmin(event.getMember(), event.getGuildChannel()), Map.of(), clock.instant());
    workers.execute(() -> {
      List<String> suggestions;
      try {
        suggestions = handler.complete(spec.group(), spec.path(), option, partial, invocation);
      } catch (RuntimeException e) {
        log.warn("Autocomplete for /{} {} crashed", spec.group(), spec.path(), e);
        suggestions = List.of();
      }
      List<Command.Choice> choices = suggestions.stream().filter(s -> s != null && !s.isBlank())
          .map(s -> s.length() > 100 ? s.substring(0, 100) : s).distinct().limit(MAX_CHOICES)
          .map(s -> new Command.Choice(s, s)).toList();
      event.replyChoices(choices).queue(ok -> { }, e -> log.debug("Autocomplete answer failed: {}", e.toString()));
    });
  }

  private Invocation invocation(SlashCommandInteractionEvent event, CommandSpec spec) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (OptionMapping o : event.getOptions()) {
      Object value = switch (o.getType()) {
        case INTEGER -> o.getAsLong();
        case BOOLEAN -> o.getAsBoolean();
        case MENTIONABLE -> mention(o);
        case ATTACHMENT -> attachment(o);
        default -> o.getAsString();
      };
      options.put(o.getName(), value);
    }
    return new Invocation(channelRef(event.getGuild(), event.getChannelId()), event.getUser().getId(),
        event.getUser().getName(), isAdmin(event.getMember(), event.getGuildChannel()), options, clock.instant());
  }

  /** Where the file is and what Discord says about it; the command downloads it (size-capped, guarded). */
  private static Object attachment(OptionMapping o) {
    try {
      Message.Attachment a = o.getAsAttachment();
      return new dev.newswire.command.Attachment(a.getUrl(), a.getFileName(), a.getSize(), Map.of());
    } catch (RuntimeException e) {
      return o.getAsString();
    }
  }

  private static String mention(OptionMapping o) {
    try {
      return o.getAsMentionable().getAsMention();
    } catch (RuntimeException e) {
      return o.getAsString();
    }
  }

  /** Manage Server in this guild, read from the interaction's member permissions (works for uncached guilds). */
  static boolean isAdmin(Member member, GuildChannel channel) {
    if (member == null || channel == null) return false;
    try {
      return member.hasPermission(channel, Permission.MANAGE_SERVER);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static ChannelRef channelRef(Guild guild, String channelId) {
    return new ChannelRef(DiscordPlatform.ID, guild == null ? "-" : guild.getId(), channelId);
  }

  private static String key(String group, String path) {
    return group + " " + path.trim();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }
}
