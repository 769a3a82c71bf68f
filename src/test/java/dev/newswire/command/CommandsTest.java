package dev.newswire.command;

import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.CommandsConfig;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Card;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command through the registry, with no platform: Invocation in, Reply out, against the real App on H2. */
class CommandsTest {
  static final ChannelRef CH = new ChannelRef("discord", "500", "600");
  static final String ADMIN = "admin1";
  static final String MEMBER = "member1";

  FakeFeedServer server;
  App app;
  CommandRegistry reg;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

  static String rss(String title, String... items) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
        .append(title).append("</title><link>https://news.example/</link><description>d</description>");
    int n = 0;
    for (String it : items) {
      n++;
      sb.append("<item><guid isPermaLink=\"false\">").append(title).append('-').append(it.hashCode()).append("</guid><title>")
          .append(it).append("</title><link>https://news.example/").append(Math.abs(it.hashCode())).append("</link><pubDate>")
          .append("Fri, 2" + n + " Nov 2026 10:00:00 GMT").append("</pubDate><description>About ").append(it)
          .append(".</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  App start(boolean allowMembers, int perMinute) throws Exception {
    NewswireConfig cfg = new NewswireConfig(TestDatabases.h2(), new PollingConfig(Duration.ofMinutes(15), 2, 3, null, null),
        NetworkConfig.defaults().withAllowPrivateAddresses(true),
        List.of(new FeedConfig(server.url("/ai.xml").toString(), "AI Wire", null, true)),
        Topics.example().topics(), null)
        .withAdmins(List.of("discord:" + ADMIN)).withCommands(new CommandsConfig(perMinute, allowMembers));
    App a = new App(cfg, new PrintStream(new ByteArrayOutputStream(), true), true, clock);
    a.runOnce();
    return a;
  }

  @BeforeEach
  void setUp() throws Exception {
    server = FakeFeedServer.start();
    server.feed("/ai.xml", rss("AI Wire",
        "OpenAI ships GPT-5, a new large language model",
        "Nvidia unveils Blackwell GPU for data centers",
        "Lawmakers debate the EU AI Act",
        "Crypto miners buy GPUs again"));
    app = start(false, 1000);
    reg = app.commands();
  }

  @AfterEach
  void tearDown() {
    app.close();
    server.close();
  }

  Reply run(String user, String group, String path, Object... kv) {
    Map<String, Object> opts = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) opts.put((String) kv[i], kv[i + 1]);
    return reg.dispatch(group, path, new Invocation(CH, user, user, false, opts, null));
  }

  static String text(Reply r) {
    if (r instanceof Reply.Text t) return t.text();
    if (r instanceof Reply.Error e) throw new AssertionError("expected text, got error: " + e.message());
    throw new AssertionError("expected text, got " + r);
  }

  static String error(Reply r) {
    assertThat(r).isInstanceOf(Reply.Error.class);
    return ((Reply.Error) r).message();
  }

  static List<String> titles(Reply r) {
    assertThat(r).isInstanceOf(Reply.Cards.class);
    return ((Reply.Cards) r).cards().stream().map(Card::title).toList();
  }

  @Test
  void helpIsGeneratedFromSpecsAndHidesAdminCommandsFromMembers() {
    String member = text(run(MEMBER, "news", "help"));
    assertThat(member).contains("/news latest [topic] [count]", "/news search <query> [days]", "/news subscribe <target> [mode] [time] [timezone]")
        .doesNotContain("news-admin");
    assertThat(text(run(ADMIN, "news", "help"))).contains("/news-admin feed add <url> [name]", "/news-admin status");
    assertThat(reg.specs()).allSatisfy(s -> assertThat(s.description().length()).isLessThanOrEqualTo(100));
  }

  @Test
  void topicsAndSources() {
    assertThat(text(run(MEMBER, "news", "topics"))).contains("`llms` **LLMs & models** — New and updated large language models");
    assertThat(text(run(MEMBER, "news", "sources"))).contains("AI Wire — ok");
  }

  @Test
  void latestWithTopicCountAndSuggestions() {
    assertThat(titles(run(MEMBER, "news", "latest"))).hasSize(4);
    assertThat(titles(run(MEMBER, "news", "latest", "count", 2L))).hasSize(2);
    assertThat(titles(run(MEMBER, "news", "latest", "topic", "chips")))
        .containsExactlyInAnyOrder("Nvidia unveils Blackwell GPU for data centers", "Crypto miners buy GPUs again");
    assertThat(error(run(MEMBER, "news", "latest", "topic", "llm"))).contains("no topic 'llm'", "`llms`");
    assertThat(error(run(MEMBER, "news", "latest", "topic", "chipz"))).contains("`chips`");
    assertThat(error(run(MEMBER, "news", "latest", "count", 11L))).contains("between 1 and 10");
    assertThat(error(run(MEMBER, "news", "latest", "count", "five"))).contains("'five' is not a valid count");
    assertThat(reg.autocomplete("news", "latest", "topic", "ch")).first().isEqualTo("chips");
  }

  @Test
  void searchRanksAndSupportsPhrasesAndDays() {
    assertThat(titles(run(MEMBER, "news", "search", "query", "GPU"))).containsExactly("Nvidia unveils Blackwell GPU for data centers");
    assertThat(titles(run(MEMBER, "news", "search", "query", "\"large language model\""))).hasSize(1);
    assertThat(titles(run(MEMBER, "news", "search", "query", "lawmakers act"))).containsExactly("Lawmakers debate the EU AI Act");
    assertThat(titles(run(MEMBER, "news", "search", "query", "gpu OR gpus"))).hasSize(2);
    String none = text(run(MEMBER, "news", "search", "query", "chipz quantum"));
    assertThat(none).contains("No stories match", "chips");
    assertThat(text(run(MEMBER, "news", "search", "query", "GPU", "days", 1L))).contains("No stories match");
    assertThat(text(run(MEMBER, "news", "search", "query", "\"unbalanced"))).contains("No stories match");
    assertThat(error(run(MEMBER, "news", "search"))).contains("Missing query");
  }

  @Test
  void subscribeNeedsAdminUnlessAllowed() throws Exception {
    assertThat(error(run(MEMBER, "news", "subscribe", "target", "llms"))).contains("Only admins", "allowMembersToSubscribe");
    assertThat(text(run(ADMIN, "news", "subscribe", "target", "llms"))).contains("Subscribed this channel to topic llms (instant)");
    assertThat(text(run(ADMIN, "news", "subscribe", "target", "all"))).contains("every story");
    assertThat(text(run(ADMIN, "news", "subscribe", "target", server.url("/ai.xml").toString(), "mode", "daily",
        "time", "08:30", "timezone", "Europe/Berlin"))).contains("daily at 08:30 Europe/Berlin");
    assertThat(error(run(ADMIN, "news", "subscribe", "target", "llm"))).contains("`llms`");
    assertThat(error(run(ADMIN, "news", "subscribe", "target", "https://unknown.example/feed"))).contains("feed add");
    assertThat(error(run(ADMIN, "news", "subscribe", "target", "llms", "mode", "daily", "time", "25:00"))).contains("HH:mm");
    assertThat(error(run(ADMIN, "news", "subscribe", "target", "llms", "mode", "daily", "timezone", "Mars/Base"))).contains("time zone");
    assertThat(error(run(ADMIN, "news", "subscribe", "target", "llms", "time", "09:00"))).contains("daily or weekly");
    String subs = text(run(MEMBER, "news", "subscriptions"));
    assertThat(subs).contains("topic llms (instant)", "every story", "daily at 08:30");
    assertThat(text(run(ADMIN, "news", "unsubscribe", "target", "LLMS"))).contains("Unsubscribed");
    assertThat(error(run(ADMIN, "news", "unsubscribe", "target", "llms"))).contains("not subscribed");
    assertThat(reg.autocomplete("news", "subscribe", "target", "a")).contains("agents", "all");

    app.close();
    app = start(true, 1000);
    reg = app.commands();
    assertThat(text(run(MEMBER, "news", "subscribe", "target", "chips"))).contains("Subscribed");
  }

  @Test
  void adminCommandsRefuseMembers() {
    for (String path : List.of("feed list", "feed add", "feed remove", "feed pause", "feed resume", "filter add",
        "filter remove", "filter list", "status")) {
      assertThat(error(run(MEMBER, "news-admin", path, "url", "x"))).contains("Only admins");
    }
  }

  @Test
  void filters() {
    String added = text(run(ADMIN, "news-admin", "filter add", "action", "exclude", "pattern", "crypto"));
    assertThat(added).contains("exclude crypto in any (keyword)");
    assertThat(text(run(ADMIN, "news-admin", "filter add", "action", "include", "pattern", "\"open weights\"", "field", "title")))
        .contains("include \"open weights\" in title (phrase)");
    assertThat(text(run(ADMIN, "news-admin", "filter add", "action", "include", "pattern", "/gpt-\\d/"))).contains("(regex)");
    assertThat(error(run(ADMIN, "news-admin", "filter add", "action", "exclude", "pattern", "/(a/"))).contains("not a valid regex");
    assertThat(error(run(ADMIN, "news-admin", "filter add", "action", "exclude", "pattern", "two words")))
        .contains("put a phrase in quotes");
    assertThat(error(run(ADMIN, "news-admin", "filter add", "action", "drop", "pattern", "x"))).contains("include, exclude");
    String list = text(run(ADMIN, "news-admin", "filter list"));
    assertThat(list).contains("exclude crypto", "open weights", "gpt-");
    long id = app.subscriptions().filters(CH).get(0).id();
    assertThat(text(run(ADMIN, "news-admin", "filter remove", "id", id))).contains("Removed filter #" + id);
    assertThat(error(run(ADMIN, "news-admin", "filter remove", "id", id))).contains("no filter #" + id);
    assertThat(text(run(MEMBER, "news", "subscriptions"))).contains("Nothing is sent");
  }

  @Test
  void mentionsAreAddedListedAndRemovedPerChannel() {
    assertThat(text(run(ADMIN, "news-admin", "mention list"))).contains("ping nobody");
    assertThat(text(run(ADMIN, "news-admin", "mention add", "topic", "llms", "target", "<@&777>")))
        .contains("topic llms", "will ping <@&777>", "never ping");
    assertThat(text(run(ADMIN, "news-admin", "mention add", "topic", "llms", "target", "<@!888>"))).contains("<@888>");
    assertThat(text(run(ADMIN, "news-admin", "mention add", "topic", "llms", "target", "<@&777>"))).contains("already");
    assertThat(text(run(ADMIN, "news-admin", "mention add", "topic", "chips", "target", "<@&777>"))).contains("chips");
    assertThat(text(run(ADMIN, "news-admin", "mention list"))).contains("chips → <@&777>", "llms → <@&777>", "llms → <@888>");
    assertThat(app.topicMentions().forTopics(CH, List.of("llms"))).hasSize(2);
    assertThat(reg.autocomplete("news-admin", "mention add", "topic", "ll")).containsExactly("llms");

    assertThat(text(run(ADMIN, "news-admin", "mention remove", "topic", "llms", "target", "<@888>"))).contains("no longer ping <@888>");
    assertThat(error(run(ADMIN, "news-admin", "mention remove", "topic", "llms", "target", "<@888>"))).contains("Nothing pings");
    assertThat(text(run(ADMIN, "news-admin", "mention remove", "topic", "chips"))).contains("no longer ping 1 target");
    assertThat(text(run(ADMIN, "news-admin", "mention list"))).contains("llms → <@&777>").doesNotContain("chips");
    // Another channel has its own mentions.
    assertThat(app.topicMentions().forChannel(new ChannelRef("discord", "500", "601"))).isEmpty();
  }

  @Test
  void mentionRefusesUnknownTopicsBadTargetsBroadcastsAndMembers() {
    assertThat(error(run(ADMIN, "news-admin", "mention add", "topic", "llm", "target", "<@&777>")))
        .contains("no topic 'llm'", "`llms`", "/news topics");
    assertThat(error(run(ADMIN, "news-admin", "mention add", "topic", "llms", "target", "ml-team")))
        .contains("'ml-team' is not a role or user", "type @");
    assertThat(error(run(ADMIN, "news-admin", "mention add", "topic", "llms", "target", "<#600>"))).contains("not a role or user");
    for (String broadcast : List.of("@everyone", "@here", "<@&500>")) {
      assertThat(error(run(ADMIN, "news-admin", "mention add", "topic", "llms", "target", broadcast)))
          .as(broadcast).contains("is refused", "ping everyone in the channel");
    }
    assertThat(error(run(ADMIN, "news-admin", "mention add", "topic", "llms"))).contains("Missing target");
    for (String path : List.of("mention add", "mention remove", "mention list")) {
      assertThat(error(run(MEMBER, "news-admin", path, "topic", "llms", "target", "<@&777>"))).contains("Only admins");
    }
    assertThat(app.topicMentions().forChannel(CH)).isEmpty();
  }

  @Test
  void slackMentionTargetsAreUsersAndUserGroups() {
    ChannelRef slack = new ChannelRef("slack", "T1", "C1");
    java.util.function.Function<String, Reply> add = target -> reg.dispatch("news-admin", "mention add",
        new Invocation(slack, "U0ADMIN", "ann", true, Map.of("topic", "llms", "target", target), null));
    assertThat(text(add.apply("<!subteam^S0TEAM|@ml-team>"))).contains("<!subteam^S0TEAM>");
    assertThat(text(add.apply("<@U0ALICE>"))).contains("<@U0ALICE>");
    for (String broadcast : List.of("<!channel>", "<!here|here>", "<!everyone>", "@channel")) {
      assertThat(error(add.apply(broadcast))).as(broadcast).contains("is refused");
    }
    assertThat(error(add.apply("<@&777>"))).contains("not a user or user group");
    assertThat(app.topicMentions().forTopics(slack, List.of("llms"))).extracting(m -> m.slack())
        .containsExactlyInAnyOrder("<!subteam^S0TEAM>", "<@U0ALICE>");
  }

  @Test
  void feedAddValidatesThroughThePipeline() {
    server.feed("/second.xml", rss("Second Wire", "One", "Two", "Three", "Four"));
    server.route("/page.html").body("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/second.xml\">"
        + "</head><body>Blog</body></html>").contentType("text/html; charset=utf-8");
    server.route("/notfeed.html").body("<html><body>Just a page</body></html>").contentType("text/html");
    server.status("/gone.xml", 404);

    String page = error(run(ADMIN, "news-admin", "feed add", "url", server.url("/page.html").toString()));
    assertThat(page).contains("not a feed", "/news-admin feed add " + server.url("/second.xml"));
    assertThat(error(run(ADMIN, "news-admin", "feed add", "url", server.url("/notfeed.html").toString()))).contains("Cannot add");
    assertThat(error(run(ADMIN, "news-admin", "feed add", "url", server.url("/gone.xml").toString()))).contains("404");
    assertThat(error(run(ADMIN, "news-admin", "feed add", "url", "http://169.254.169.254/latest/meta-data"))).contains("Cannot add");
    assertThat(error(run(ADMIN, "news-admin", "feed add", "url", "ftp://x.example/feed"))).contains("not an http(s) URL");

    String ok = text(run(ADMIN, "news-admin", "feed add", "url", server.url("/second.xml").toString()));
    assertThat(ok).contains("Added **Second Wire**", "Four", "Three", "Two").doesNotContain("• One");
    assertThat(error(run(ADMIN, "news-admin", "feed add", "url", server.url("/second.xml").toString()))).contains("already polled");
    assertThat(text(run(ADMIN, "news-admin", "feed list"))).contains("Second Wire", "(added in chat)", "AI Wire");
  }

  @Test
  void feedPauseResumeRemoveAndStatus() {
    String url = server.url("/ai.xml").toString();
    assertThat(text(run(ADMIN, "news-admin", "feed pause", "url", url))).contains("Paused **AI Wire**");
    assertThat(text(run(MEMBER, "news", "sources"))).contains("AI Wire — paused (Paused by admin1");
    assertThat(text(run(ADMIN, "news-admin", "status"))).contains("Feeds: 1 (0 ok, 0 failing, 1 paused)", "paused: AI Wire");
    assertThat(text(run(ADMIN, "news-admin", "feed resume", "url", "ai wire"))).contains("Resumed");
    String status = text(run(ADMIN, "news-admin", "status"));
    assertThat(status).contains("Feeds: 1 (1 ok", "Stories first seen today (UTC): 4", "Deliveries: 0 pending, 0 failed");
    assertThat(reg.autocomplete("news-admin", "feed pause", "url", "ai.xml")).containsExactly(url);
    assertThat(text(run(ADMIN, "news-admin", "feed remove", "url", url))).contains("Removed", "config file");
    assertThat(error(run(ADMIN, "news-admin", "feed pause", "url", "https://nope.example/x"))).contains("No feed");
    assertThat(text(run(MEMBER, "news", "sources"))).contains("No feeds yet");
  }

  @Test
  void rateLimitUsesTheClock() throws Exception {
    app.close();
    app = start(false, 2);
    reg = app.commands();
    assertThat(run(MEMBER, "news", "topics")).isInstanceOf(Reply.Text.class);
    assertThat(run(MEMBER, "news", "topics")).isInstanceOf(Reply.Text.class);
    assertThat(error(run(MEMBER, "news", "topics"))).contains("try again in 60 seconds");
    clock.advance(Duration.ofSeconds(61));
    assertThat(run(MEMBER, "news", "topics")).isInstanceOf(Reply.Text.class);
  }
}
