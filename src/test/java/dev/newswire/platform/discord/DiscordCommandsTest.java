package dev.newswire.platform.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.Story;
import dev.newswire.fakes.FakeDiscord;
import dev.newswire.support.Cards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slash commands with real JDA 6.5 against {@link FakeDiscord}. */
class DiscordCommandsTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String GUILD_COMMANDS = "/applications/111/guilds/500/commands";

  /** Fake core commands; the admin one refuses non-admins the way the core registry will. */
  static final List<Invocation> seen = new CopyOnWriteArrayList<>();

  static final BotCommand LATEST = new BotCommand() {
    @Override
    public CommandSpec spec() {
      return new CommandSpec(CommandSpec.NEWS, "latest", "Latest stories", List.of(
          OptionSpec.optional("topic", OptionType.STRING, "Only this topic").withAutocomplete(),
          OptionSpec.optional("count", OptionType.INTEGER, "How many (1-10)"),
          OptionSpec.optional("order", OptionType.STRING, "Order").withChoices(List.of("newest", "top"))),
          false, false);
    }

    @Override
    public Reply handle(Invocation invocation) {
      seen.add(invocation);
      if ("none".equals(invocation.string("topic"))) return new Reply.Error("No topic called none. Try /news topics.");
      return new Reply.Cards("Latest in LLMs", List.of(Cards.full(), Cards.minimal()), false);
    }

    @Override
    public List<String> complete(String option, String partial) {
      return java.util.stream.IntStream.range(0, 40).mapToObj(i -> "topic " + i)
          .filter(t -> t.startsWith(partial)).toList();
    }
  };

  static final BotCommand FEED_ADD = new BotCommand() {
    @Override
    public CommandSpec spec() {
      return new CommandSpec(CommandSpec.ADMIN, "feed add", "Subscribe this channel to a feed", List.of(
          OptionSpec.required("url", OptionType.STRING, "Feed URL"),
          OptionSpec.optional("announce", OptionType.BOOLEAN, "Post a note"),
          OptionSpec.optional("notify", OptionType.MENTIONABLE, "Who to tell")), true, true);
    }

    @Override
    public Reply handle(Invocation invocation) {
      seen.add(invocation);
      if (!invocation.platformAdmin()) {
        return new Reply.Error("Only members with Manage Server can use /news-admin.");
      }
      return new Reply.Text("Added " + invocation.string("url"), true);
    }
  };

  static FakeDiscord discord;
  static DiscordBot bot;
  static DiscordCommands commands;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    discord = FakeDiscord.start();
    commands = new DiscordCommands(CommandHandler.of(List.of(LATEST, FEED_ADD)), new DiscordRenderer(), false,
        List.of(), dir.resolve("commands.hash"), Clock.systemUTC());
    bot = DiscordBot.start(FakeDiscord.TOKEN, discord.config(), Duration.ofSeconds(20), commands);
    commands.register(bot.jda());
  }

  @AfterAll
  static void stop() {
    if (bot != null) bot.close();
    if (commands != null) commands.close();
    if (discord != null) discord.close();
  }

  private static Invocation lastSeen() {
    return seen.get(seen.size() - 1);
  }

  @Test
  void commandsAreRegisteredPerGuildWithGroupsOptionsAndPermissions() {
    List<FakeDiscord.Request> puts = discord.requests("PUT", GUILD_COMMANDS);
    assertThat(puts).hasSize(1);
    JsonNode body = puts.get(0).json();
    assertThat(body).hasSize(2);
    JsonNode news = find(body, "news");
    JsonNode admin = find(body, "news-admin");
    assertThat(news.path("default_member_permissions").isNull()).isTrue();
    assertThat(admin.path("default_member_permissions").asText()).isEqualTo("32");
    assertThat(news.path("contexts")).hasSize(1);
    assertThat(news.path("contexts").get(0).asInt()).isZero(); // GUILD only

    JsonNode latest = find(news.path("options"), "latest");
    assertThat(latest.path("type").asInt()).isEqualTo(1); // subcommand
    JsonNode topic = find(latest.path("options"), "topic");
    assertThat(topic.path("type").asInt()).isEqualTo(3);
    assertThat(topic.path("autocomplete").asBoolean()).isTrue();
    assertThat(find(latest.path("options"), "count").path("type").asInt()).isEqualTo(4);
    JsonNode order = find(latest.path("options"), "order");
    assertThat(order.path("choices").findValuesAsText("value")).containsExactly("newest", "top");

    JsonNode feed = find(admin.path("options"), "feed");
    assertThat(feed.path("type").asInt()).isEqualTo(2); // subcommand group
    JsonNode add = find(feed.path("options"), "add");
    assertThat(add.path("type").asInt()).isEqualTo(1);
    JsonNode url = find(add.path("options"), "url");
    assertThat(url.path("type").asInt()).isEqualTo(3);
    assertThat(url.path("required").asBoolean()).isTrue();
    assertThat(find(add.path("options"), "announce").path("type").asInt()).isEqualTo(5);
    assertThat(find(add.path("options"), "notify").path("type").asInt()).isEqualTo(9);
  }

  @Test
  void unchangedDefinitionsAreNotPushedAgainEvenAfterARestart() throws Exception {
    commands.register(bot.jda());
    DiscordCommands restarted = new DiscordCommands(CommandHandler.of(List.of(LATEST, FEED_ADD)),
        new DiscordRenderer(), false, List.of(), dir.resolve("commands.hash"), Clock.systemUTC());
    restarted.register(bot.jda());
    restarted.close();
    assertThat(discord.requests("PUT", GUILD_COMMANDS)).hasSize(1);
    assertThat(Files.readString(dir.resolve("commands.hash"))).contains("500=");

    DiscordCommands changed = new DiscordCommands(CommandHandler.of(List.of(LATEST)), new DiscordRenderer(), false,
        List.of(), dir.resolve("other.hash"), Clock.systemUTC());
    try {
      changed.register(bot.jda());
      assertThat(discord.requests("PUT", GUILD_COMMANDS)).hasSize(2);
    } finally {
      changed.close();
      // put the full set back for the other tests' sake (and the hash file in sync)
      DiscordCommands back = new DiscordCommands(CommandHandler.of(List.of(LATEST, FEED_ADD)), new DiscordRenderer(),
          false, List.of(), dir.resolve("other.hash"), Clock.systemUTC());
      back.register(bot.jda());
      back.close();
    }
  }

  @Test
  void slashCommandIsDeferredThenAnsweredWithCardEmbeds() {
    FakeDiscord.Interaction i = discord.slashCommand("news", null, "latest",
        Map.of("topic", "LLMs", "count", 2), false);

    JsonNode callback = discord.awaitRequest("POST", i.callbackPath(), WAIT).json();
    assertThat(callback.path("type").asInt()).isEqualTo(5); // deferred
    assertThat(callback.path("data").path("flags").asInt(0) & 64).isZero(); // public
    JsonNode edit = discord.awaitRequest("PATCH", i.originalPath(), WAIT).json();
    assertThat(edit.path("content").asText()).isEqualTo("Latest in LLMs");
    assertThat(edit.path("embeds")).hasSize(2);
    assertThat(edit.path("embeds").get(0).path("title").asText()).isEqualTo("OpenAI releases GPT-4.5 to Pro users");
    assertThat(edit.path("allowed_mentions").path("parse")).isEmpty();

    Invocation inv = lastSeen();
    assertThat(inv.channel()).isEqualTo(new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID));
    assertThat(inv.userId()).isEqualTo("222");
    assertThat(inv.userName()).isEqualTo("alice");
    assertThat(inv.string("topic")).isEqualTo("LLMs");
    assertThat(inv.options().get("count")).isEqualTo(2L);
    assertThat(inv.platformAdmin()).isFalse();
  }

  @Test
  void nonAdminCallingAnAdminCommandIsNotAdminAndGetsAnEphemeralRefusal() {
    FakeDiscord.Interaction i = discord.slashCommand("news-admin", "feed", "add",
        Map.of("url", "https://example.org/feed.xml", "announce", true), false);

    JsonNode callback = discord.awaitRequest("POST", i.callbackPath(), WAIT).json();
    assertThat(callback.path("type").asInt()).isEqualTo(5);
    assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64); // ephemeral, as the spec says
    JsonNode edit = discord.awaitRequest("PATCH", i.originalPath(), WAIT).json();
    assertThat(edit.path("content").asText()).contains("Manage Server");

    Invocation inv = lastSeen();
    assertThat(inv.platformAdmin()).isFalse();
    assertThat(inv.options()).containsEntry("url", "https://example.org/feed.xml").containsEntry("announce", true);
  }

  @Test
  void adminIsRecognisedFromManageServer() {
    FakeDiscord.Interaction i = discord.slashCommand("news-admin", "feed", "add",
        Map.of("url", "https://example.org/a.xml"), true);
    JsonNode edit = discord.awaitRequest("PATCH", i.originalPath(), WAIT).json();
    assertThat(edit.path("content").asText()).isEqualTo("Added https://example.org/a.xml");
    assertThat(lastSeen().platformAdmin()).isTrue();
  }

  @Test
  void errorAfterAPublicDeferralIsSentOnlyToTheCaller() {
    FakeDiscord.Interaction i = discord.slashCommand("news", null, "latest", Map.of("topic", "none"), false);
    JsonNode followup = discord.awaitRequest("POST", i.followupPath(), WAIT).json();
    assertThat(followup.path("flags").asInt() & 64).isEqualTo(64);
    assertThat(followup.path("content").asText()).contains("No topic called none");
    discord.awaitRequest("DELETE", i.originalPath(), WAIT);
  }

  @Test
  void autocompleteAnswersAtMost25Suggestions() {
    FakeDiscord.Interaction i = discord.autocomplete("news", null, "latest", "topic", "topic");
    JsonNode callback = discord.awaitRequest("POST", i.callbackPath(), WAIT).json();
    assertThat(callback.path("type").asInt()).isEqualTo(8);
    JsonNode choices = callback.path("data").path("choices");
    assertThat(choices).hasSize(25);
    assertThat(choices.get(0).path("name").asText()).isEqualTo("topic 0");
  }

  @Test
  void botWithoutEmbedLinksFailsBeforeCallingDiscord() throws Exception {
    try (FakeDiscord limited = FakeDiscord.start().everyonePermissions(1024 + 2048)) {
      DiscordBot limitedBot = DiscordBot.start(FakeDiscord.TOKEN, limited.config(), Duration.ofSeconds(20));
      try {
        DiscordPlatform platform = new DiscordPlatform(limitedBot.jda(), new DiscordRenderer(), Duration.ofSeconds(10));
        DeliveryResult result = platform.deliver(new Story(1, "u", "f", null, Cards.full()),
            new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID));
        assertThat(result).isEqualTo(new DeliveryResult.Failed("The bot cannot post in channel #news (600) in "
            + "Newsroom: missing permission Embed Links. Grant it or unsubscribe."));
        assertThat(limited.requests("POST", "/channels/.*")).isEmpty();
      } finally {
        limitedBot.close();
      }
    }
  }

  private static JsonNode find(JsonNode array, String name) {
    return StreamSupport.stream(array.spliterator(), false).filter(n -> name.equals(n.path("name").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + array));
  }

  @Test
  void mentionCommandsBecomeAGroupWithANativeMentionableTarget() {
    List<CommandSpec> specs = dev.newswire.command.admin.MentionCommands.all(null, dev.newswire.store.TopicMentionStore.NONE)
        .stream().map(BotCommand::spec).toList();
    JsonNode admin = json(DiscordCommands.commandData(specs).get(0).toData().toString());
    JsonNode group = admin.path("options").get(0);
    assertThat(group.path("name").asText()).isEqualTo("mention");
    assertThat(group.path("type").asInt()).isEqualTo(2); // subcommand group
    assertThat(group.path("options").findValuesAsText("name")).contains("add", "remove", "list");
    JsonNode add = group.path("options").get(0);
    assertThat(add.path("options").get(0).path("autocomplete").asBoolean()).isTrue();
    assertThat(add.path("options").get(1).path("name").asText()).isEqualTo("target");
    assertThat(add.path("options").get(1).path("type").asInt()).isEqualTo(9); // MENTIONABLE: roles and users
    assertThat(add.path("options").get(1).path("required").asBoolean()).isTrue();
  }

  private static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
