package dev.newswire.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.config.SlackSettings;
import dev.newswire.fakes.FakeSlack;
import dev.newswire.fakes.FakeSlack.Call;
import dev.newswire.fakes.FakeSlack.Signing;
import dev.newswire.fakes.FakeSlack.SlashCommand;
import dev.newswire.support.Cards;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackBotTest {

  /** A BotCommand that records what it was called with. */
  record FakeCommand(CommandSpec spec, Function<Invocation, Reply> answer, List<Invocation> seen) implements BotCommand {
    FakeCommand(CommandSpec spec, Function<Invocation, Reply> answer) {
      this(spec, answer, new CopyOnWriteArrayList<>());
    }

    @Override
    public Reply handle(Invocation invocation) {
      seen.add(invocation);
      return answer.apply(invocation);
    }
  }

  static final FakeCommand LATEST = new FakeCommand(new CommandSpec("news", "latest", "Latest stories", List.of(
      OptionSpec.optional("topic", OptionType.STRING, "Topic id"),
      OptionSpec.optional("count", OptionType.INTEGER, "How many")), false, false),
      inv -> new Reply.Cards("Latest in " + inv.string("topic"), List.of(Cards.full(), Cards.minimal()), false));
  static final FakeCommand STATUS = new FakeCommand(new CommandSpec("news-admin", "status", "Bot status", List.of(),
      true, true), inv -> new Reply.Text("**All good** <!channel>", true));

  /** Mirrors the core's feed pause: admin-only (CommandHandler.of refuses non-admins like the registry does). */
  static final FakeCommand FEED_PAUSE = new FakeCommand(new CommandSpec("news-admin", "feed pause", "Pause a feed",
      List.of(OptionSpec.required("url", OptionType.STRING, "feed URL")), true, true),
      inv -> new Reply.Text("Paused **" + inv.string("url") + "**.", true));

  static final FakeCommand MENTION_ADD = new FakeCommand(new CommandSpec("news-admin", "mention add", "Ping on a topic",
      List.of(OptionSpec.required("topic", OptionType.STRING, "topic id"),
          OptionSpec.required("target", OptionType.MENTIONABLE, "who")), true, true),
      inv -> new Reply.Text("ok", true));

  static List<BotCommand> commands() {
    return List.of(LATEST, STATUS, FEED_PAUSE, MENTION_ADD);
  }

  FakeSlack fake;
  Slack slack;
  SlackBot bot;
  String url;

  @BeforeEach
  void start() throws Exception {
    LATEST.seen().clear();
    STATUS.seen().clear();
    FEED_PAUSE.seen().clear();
    MENTION_ADD.seen().clear();
    fake = new FakeSlack();
    slack = SlackClients.create(new SlackSettings(fake.methodsUrlPrefix(), 0, false));
    bot = new SlackBot(slack, FakeSlack.BOT_TOKEN, FakeSlack.SIGNING_SECRET, FakeSlack.APP_TOKEN,
        CommandHandler.of(commands()), Clock.systemUTC());
    bot.startHttp(0);
    url = "http://127.0.0.1:" + bot.port() + SlackBot.EVENTS_PATH;
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    slack.close();
    fake.close();
  }

  @Test
  void slashCommandIsAckedQuicklyAndAnsweredAtResponseUrl() throws Exception {
    SlashCommand cmd = fake.slashCommand("/news", "latest llm 2", "U1", "C1", Signing.VALID);
    long t0 = System.nanoTime();
    HttpResponse<String> ack = fake.send(url, cmd);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));

    Call answer = fake.await("response_url", 1, Duration.ofSeconds(10)).get(0);
    assertThat(answer.path()).isEqualTo(java.net.URI.create(FakeSlack.form(cmd.body()).get("response_url")).getPath());
    JsonNode body = answer.body();
    assertThat(body.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(body.path("text").asText()).contains("2 stories");
    assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("header");
    assertThat(body.path("blocks").toString()).contains("GPT-4.5");

    assertThat(LATEST.seen()).hasSize(1);
    Invocation inv = LATEST.seen().get(0);
    assertThat(inv.options()).containsEntry("topic", "llm").containsEntry("count", 2L);
    assertThat(inv.channel().platform()).isEqualTo("slack");
    assertThat(inv.channel().workspace()).isEqualTo("T1");
    assertThat(inv.channel().channel()).isEqualTo("C1");
    assertThat(inv.userId()).isEqualTo("U1");
    assertThat(inv.platformAdmin()).isFalse();
  }

  @Test
  void usageErrorsAreTheEphemeralAck() throws Exception {
    HttpResponse<String> ack = fake.send(url, fake.slashCommand("/news", "lastest", "U1", "C1", Signing.VALID));
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("Unknown subcommand").contains("/news latest [topic] [count]")
        .contains("ephemeral");
    HttpResponse<String> help = fake.send(url, fake.slashCommand("/news", "", "U1", "C1", Signing.VALID));
    assertThat(help.body()).contains("Commands for /news");
    Thread.sleep(200);
    assertThat(fake.calls("response_url")).isEmpty();
    assertThat(LATEST.seen()).isEmpty();
  }

  @Test
  void forgedStaleAndReplayedRequestsAreRefused() throws Exception {
    assertThat(fake.send(url, fake.slashCommand("/news", "latest", "U1", "C1", Signing.FORGED)).statusCode())
        .isEqualTo(401);
    assertThat(fake.send(url, fake.slashCommand("/news", "latest", "U1", "C1", Signing.STALE)).statusCode())
        .isEqualTo(401);
    SlashCommand once = fake.slashCommand("/news", "latest", "U1", "C1", Signing.VALID);
    assertThat(fake.send(url, once).statusCode()).isEqualTo(200);
    assertThat(fake.send(url, once).statusCode()).isEqualTo(401);
    fake.await("response_url", 1, Duration.ofSeconds(10));
    Thread.sleep(300);
    assertThat(LATEST.seen()).hasSize(1);
    assertThat(fake.calls("response_url")).hasSize(1);
  }

  @Test
  void mentionTargetsArriveAsSlackEscapedThemAndTheIssuesShorthandWorks() throws Exception {
    fake.user("UADMIN", true);
    fake.send(url, fake.slashCommand("/news-admin", "mention llms <!subteam^S0TEAM|@ml-team>", "UADMIN", "C1", Signing.VALID));
    fake.send(url, fake.slashCommand("/news-admin", "mention add chips <@U0ALICE|alice>", "UADMIN", "C1", Signing.VALID));
    fake.await("response_url", 2, Duration.ofSeconds(10));
    assertThat(MENTION_ADD.seen()).extracting(i -> i.string("topic") + " " + i.string("target"))
        .containsExactlyInAnyOrder("llms <!subteam^S0TEAM|@ml-team>", "chips <@U0ALICE>");
  }

  @Test
  void adminCommandsNeedAWorkspaceAdmin() throws Exception {
    fake.user("U1", false).user("UADMIN", true);
    assertThat(fake.send(url, fake.slashCommand("/news-admin", "status", "U1", "C1", Signing.VALID)).statusCode())
        .isEqualTo(200);
    Call refused = fake.await("response_url", 1, Duration.ofSeconds(10)).get(0);
    assertThat(refused.body().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(refused.body().path("text").asText()).contains("admins only");
    assertThat(STATUS.seen()).isEmpty();
    assertThat(fake.calls("users.info").get(0).params().get("user")).isEqualTo("U1");

    assertThat(fake.send(url, fake.slashCommand("/news-admin", "status", "UADMIN", "C1", Signing.VALID)).statusCode())
        .isEqualTo(200);
    Call ok = fake.await("response_url", 2, Duration.ofSeconds(10)).get(1);
    assertThat(ok.body().path("text").asText()).isEqualTo("*All good* &lt;!channel&gt;");
    assertThat(ok.body().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(STATUS.seen()).hasSize(1);
    assertThat(STATUS.seen().get(0).platformAdmin()).isTrue();

    // cached: a second call by the same admin does not ask users.info again
    int lookups = fake.calls("users.info").size();
    fake.send(url, fake.slashCommand("/news-admin", "status", "UADMIN", "C1", Signing.VALID));
    fake.await("response_url", 3, Duration.ofSeconds(10));
    assertThat(fake.calls("users.info")).hasSize(lookups);
  }

  @Test
  void socketModeRunsTheSameCommands() throws Exception {
    fake.startSocketMode();
    bot.startSocketMode();
    assertThat(fake.awaitSocketClient(Duration.ofSeconds(10))).isTrue();
    String envelope = fake.pushSlashCommand("/news", "latest chips", "U2", "C9");
    Call answer = fake.await("response_url", 1, Duration.ofSeconds(10)).get(0);
    assertThat(answer.body().path("blocks").toString()).contains("GPT-4.5");
    assertThat(LATEST.seen().get(0).options()).containsEntry("topic", "chips");
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (fake.socketFramesReceived().stream().noneMatch(f -> f.contains(envelope)) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(fake.socketFramesReceived()).anyMatch(f -> f.contains(envelope)); // the ack
    assertThat(fake.calls("apps.connections.open").get(0).authorization()).isEqualTo("Bearer " + FakeSlack.APP_TOKEN);
  }

  static final String FEED = "https://openai.com/news/rss.xml";

  private String responsePath(SlashCommand interaction) {
    return java.net.URI.create(FakeSlack.payloadOf(interaction).path("response_url").asText()).getPath();
  }

  @Test
  void moreLikeThisAnswersEphemerallyWithTheTopicsStories() throws Exception {
    SlashCommand click = fake.blockAction("newswire_more", "llms", "U1", "C1", Signing.VALID);
    long t0 = System.nanoTime();
    HttpResponse<String> ack = fake.send(url, click);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));

    Call answer = fake.await("response_url", 1, Duration.ofSeconds(10)).get(0);
    assertThat(answer.path()).isEqualTo(responsePath(click));
    JsonNode body = answer.body();
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.path("replace_original").asBoolean(true)).isFalse();
    assertThat(body.path("text").asText()).contains("Latest in llms").contains("2 stories");
    assertThat(body.path("blocks").toString()).contains("GPT-4.5");

    assertThat(LATEST.seen()).hasSize(1);
    Invocation inv = LATEST.seen().get(0);
    assertThat(inv.options()).containsEntry("topic", "llms").containsEntry("count", 5L).hasSize(2);
    assertThat(inv.userId()).isEqualTo("U1");
    assertThat(inv.userName()).isEqualTo("user-U1");
    assertThat(inv.channel().platform()).isEqualTo("slack");
    assertThat(inv.channel().workspace()).isEqualTo("T1");
    assertThat(inv.channel().channel()).isEqualTo("C1");
    assertThat(inv.platformAdmin()).isFalse();
  }

  @Test
  void muteSourceByANonAdminIsRefused() throws Exception {
    fake.user("U1", false);
    assertThat(fake.send(url, fake.blockAction("newswire_mute", FEED, "U1", "C1", Signing.VALID)).statusCode())
        .isEqualTo(200);
    Call refused = fake.await("response_url", 1, Duration.ofSeconds(10)).get(0);
    assertThat(refused.body().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(refused.body().path("replace_original").asBoolean(true)).isFalse();
    assertThat(refused.body().path("text").asText()).contains("admins only");
    assertThat(FEED_PAUSE.seen()).isEmpty();
    assertThat(fake.calls("users.info").get(0).params().get("user")).isEqualTo("U1");
  }

  @Test
  void muteSourceByAnAdminPausesTheFeed() throws Exception {
    fake.user("UADMIN", true);
    SlashCommand click = fake.blockAction("newswire_mute", FEED, "UADMIN", "C1", Signing.VALID);
    assertThat(fake.send(url, click).statusCode()).isEqualTo(200);
    Call ok = fake.await("response_url", 1, Duration.ofSeconds(10)).get(0);
    assertThat(ok.path()).isEqualTo(responsePath(click));
    assertThat(ok.body().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(ok.body().path("text").asText()).isEqualTo("Paused *" + FEED + "*.");
    assertThat(FEED_PAUSE.seen()).hasSize(1);
    Invocation inv = FEED_PAUSE.seen().get(0);
    assertThat(inv.options()).containsExactlyEntriesOf(java.util.Map.of("url", FEED));
    assertThat(inv.platformAdmin()).isTrue();
    assertThat(inv.userId()).isEqualTo("UADMIN");
  }

  @Test
  void forgedOrStaleInteractionsAreRefusedAndRunNothing() throws Exception {
    fake.user("UADMIN", true);
    assertThat(fake.send(url, fake.blockAction("newswire_mute", FEED, "UADMIN", "C1", Signing.FORGED)).statusCode())
        .isEqualTo(401);
    assertThat(fake.send(url, fake.blockAction("newswire_more", "llms", "U1", "C1", Signing.FORGED)).statusCode())
        .isEqualTo(401);
    assertThat(fake.send(url, fake.blockAction("newswire_mute", FEED, "UADMIN", "C1", Signing.STALE)).statusCode())
        .isEqualTo(401);
    SlashCommand once = fake.blockAction("newswire_more", "llms", "U1", "C1", Signing.VALID);
    assertThat(fake.send(url, once).statusCode()).isEqualTo(200);
    assertThat(fake.send(url, once).statusCode()).isEqualTo(401); // replayed
    fake.await("response_url", 1, Duration.ofSeconds(10));
    Thread.sleep(300);
    assertThat(FEED_PAUSE.seen()).isEmpty();
    assertThat(LATEST.seen()).hasSize(1);
    assertThat(fake.calls("response_url")).hasSize(1);
    assertThat(fake.calls("users.info")).allMatch(c -> "U1".equals(c.params().get("user")));
  }

  @Test
  void readAndUnknownActionsAreOnlyAcked() throws Exception {
    assertThat(fake.send(url, fake.blockAction("newswire_read", null, "U1", "C1", Signing.VALID)).statusCode())
        .isEqualTo(200);
    assertThat(fake.send(url, fake.blockAction("something_else", "x", "U1", "C1", Signing.VALID)).statusCode())
        .isEqualTo(200);
    assertThat(fake.send(url, fake.blockAction("newswire_more", null, "U1", "C1", Signing.VALID)).statusCode())
        .isEqualTo(200);
    Thread.sleep(300);
    assertThat(fake.calls("response_url")).isEmpty();
    assertThat(LATEST.seen()).isEmpty();
    assertThat(FEED_PAUSE.seen()).isEmpty();
  }

  @Test
  void commandTextIsUnwrappedAndUnescaped() {
    assertThat(SlackBot.normalizeCommandText("feed add <https://x.example/feed.xml?a=1&amp;b=2|x.example/feed.xml> \"A &amp; B\""))
        .isEqualTo("feed add https://x.example/feed.xml?a=1&b=2 \"A & B\"");
    assertThat(SlackBot.normalizeCommandText("ping <@U123|bob> in <#C9|general> 2 &lt; 3"))
        .isEqualTo("ping <@U123> in <#C9> 2 < 3");
    assertThat(SlackBot.normalizeCommandText(null)).isEmpty();
  }
}
