package dev.newswire.command;

import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.App;
import dev.newswire.config.CommandsConfig;
import dev.newswire.config.FeedConfig;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.config.PollingConfig;
import dev.newswire.fakes.FakeFeedServer;
import dev.newswire.news.Feed;
import dev.newswire.store.CategorizedFeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.newswire.store.jdbc.TestDatabases;
import dev.newswire.support.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /news-admin feed import: Invocation with an attachment (or link) in, Reply out, against the real App on H2. */
class FeedImportCommandTest {
  static final String ADMIN = CommandsTest.ADMIN;

  FakeFeedServer server;
  App app;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

  static String opml(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head><title>subs</title></head>\n<body>\n"
        + body + "</body>\n</opml>\n";
  }

  App start(boolean allowPrivate) throws Exception {
    NewswireConfig cfg = new NewswireConfig(TestDatabases.h2(), new PollingConfig(Duration.ofMinutes(15), 2, 3, null, null),
        NetworkConfig.defaults().withAllowPrivateAddresses(allowPrivate),
        List.of(new FeedConfig("https://known.example/feed.xml", "Known", null, true)),
        Topics.example().topics(), null)
        .withAdmins(List.of("discord:" + ADMIN)).withCommands(new CommandsConfig(1000, false));
    return new App(cfg, new PrintStream(new ByteArrayOutputStream(), true), true, clock);
  }

  @BeforeEach
  void setUp() throws Exception {
    server = FakeFeedServer.start();
    app = start(true);
  }

  @AfterEach
  void tearDown() {
    app.close();
    server.close();
  }

  Reply run(String user, Object file, Object... kv) {
    Map<String, Object> opts = new HashMap<>();
    opts.put("file", file);
    for (int i = 0; i < kv.length; i += 2) opts.put((String) kv[i], kv[i + 1]);
    return app.commands().dispatch("news-admin", "feed import",
        new Invocation(CommandsTest.CH, user, user, false, opts, null));
  }

  Attachment serve(String path, String body) {
    server.feed(path, body).contentType("text/x-opml");
    return new Attachment(server.url(path).toString(), path.substring(1), body.length(), Map.of());
  }

  List<String> urls() {
    return app.feeds().all().stream().map(Feed::url).sorted().toList();
  }

  @Test
  void importsNestedFoldersAsCategoriesAndReportsDuplicatesByLine() {
    Attachment file = serve("/subs.opml", opml("""
        <outline text="Tech">
          <outline text="AI">
            <outline text="AI Blog" xmlUrl="https://ai.example/rss"/>
          </outline>
          <outline text="Chips" xmlUrl="https://chips.example/atom"/>
        </outline>
        <outline text="Loose" xmlUrl="https://loose.example/feed"/>
        <outline text="Known again" xmlUrl="https://known.example/feed.xml"/>
        <outline text="AI twice" xmlUrl="https://ai.example/rss"/>
        """));
    String text = CommandsTest.text(run(ADMIN, file));
    assertThat(text).contains("Imported **3** feeds from subs.opml", "2 categories (Tech, Tech/AI)", "skipped 2 duplicates")
        .contains("line 12 ('Known again'): skipped: already subscribed", "line 13 ('AI twice'): skipped: same feed as line 7");
    Map<String, String> categories = app.feeds().allWithCategories().stream()
        .collect(Collectors.toMap(c -> c.feed().url(), c -> c.category() == null ? "" : c.category()));
    assertThat(categories).containsEntry("https://ai.example/rss", "Tech/AI").containsEntry("https://chips.example/atom", "Tech")
        .containsEntry("https://loose.example/feed", "");
    assertThat(app.feeds().findByUrl("https://ai.example/rss").orElseThrow().origin()).isEqualTo("opml");

    String again = CommandsTest.text(run(ADMIN, file));
    assertThat(again).contains("Imported **0** feeds", "skipped 5 duplicates");
  }

  @Test
  void anyInvalidUrlImportsNothingAndListsEveryProblemWithItsLine() {
    List<String> before = urls();
    Attachment file = serve("/bad.opml", opml("""
        <outline text="Good" xmlUrl="https://good.example/rss"/>
        <outline text="Podcast" xmlUrl="feed://pod.example/rss"/>
        <outline text="Empty" xmlUrl=""/>
        """));
    String error = CommandsTest.error(run(ADMIN, file));
    assertThat(error).contains("Nothing imported", "2 problems in bad.opml", "line 6 ('Podcast')", "replace feed:// with https://",
        "line 7 ('Empty'): xmlUrl is empty");
    assertThat(urls()).isEqualTo(before);
  }

  @Test
  void dryRunWritesNothing() {
    List<String> before = urls();
    Attachment file = serve("/dry.opml", opml("""
        <outline text="One" xmlUrl="https://one.example/rss"/>
        <outline text="Known" xmlUrl="https://known.example/feed.xml"/>
        """));
    String text = CommandsTest.text(run(ADMIN, file, "dry-run", true));
    assertThat(text).contains("Dry run", "would import 1 feed", "skip 1 duplicate", "Nothing was written", "line 6 ('Known')");
    assertThat(urls()).isEqualTo(before);
  }

  @Test
  void tooLargeFilesAreRefusedBeforeOrWhileDownloading() {
    Attachment declared = new Attachment(server.url("/big.opml").toString(), "big.opml", 5L * 1024 * 1024, Map.of());
    assertThat(CommandsTest.error(run(ADMIN, declared))).contains("big.opml is 5.0 MB", "up to 1.0 MB");
    assertThat(server.requestCount("/big.opml")).as("not even downloaded").isZero();

    server.hugeBody("/huge.opml", 3L * 1024 * 1024);
    assertThat(CommandsTest.error(run(ADMIN, Attachment.link(server.url("/huge.opml").toString()))))
        .contains("Cannot download huge.opml", "is 3.0 MiB, over the 1.0 MiB limit").doesNotContain("maxBodyBytes");
    server.hugeBody("/chunked.opml", 3L * 1024 * 1024).chunked();
    assertThat(CommandsTest.error(run(ADMIN, Attachment.link(server.url("/chunked.opml").toString()))))
        .contains("Cannot download chunked.opml", "larger than the 1.0 MiB limit");
  }

  @Test
  void aFileThatIsNotOpmlIsExplained() {
    Attachment html = serve("/page.html", "<html><body><p>hello</p></body></html>");
    assertThat(CommandsTest.error(run(ADMIN, html))).contains("page.html is not an OPML file", "root element is <html>");
    Attachment junk = serve("/junk.opml", "this is not xml at all");
    assertThat(CommandsTest.error(run(ADMIN, junk))).contains("junk.opml is not an OPML file");
    Attachment empty = serve("/empty.opml", opml(""));
    assertThat(CommandsTest.error(run(ADMIN, empty))).contains("lists no feeds");
    assertThat(CommandsTest.error(run(ADMIN, "ftp://files.example/x.opml"))).contains("not an http(s) link");
  }

  @Test
  void privateAddressLinksAreRefusedUnlessAllowed() throws Exception {
    app.close();
    app = start(false);
    Attachment file = serve("/subs.opml", opml("<outline text=\"One\" xmlUrl=\"https://one.example/rss\"/>\n"));
    String error = CommandsTest.error(run(ADMIN, file));
    assertThat(error).contains("Cannot download subs.opml").containsIgnoringCase("loopback");
    assertThat(server.requestCount("/subs.opml")).isZero();
    assertThat(urls()).containsExactly("https://known.example/feed.xml");
  }

  @Test
  void onlyAdminsMayImport() {
    Attachment file = serve("/subs.opml", opml("<outline text=\"One\" xmlUrl=\"https://one.example/rss\"/>\n"));
    assertThat(CommandsTest.error(run("member1", file))).contains("Only admins");
    assertThat(server.requestCount("/subs.opml")).isZero();
  }

  @Test
  void credentialsGoOnlyToTheLinksOwnOrigin() {
    try (FakeFeedServer other = FakeFeedServer.start()) {
      other.feed("/moved.opml", opml("<outline text=\"One\" xmlUrl=\"https://one.example/rss\"/>\n"));
      server.redirect("/start.opml", 302, other.url("/moved.opml").toString());
      Attachment file = new Attachment(server.url("/start.opml").toString(), "start.opml", -1,
          Map.of("Authorization", "Bearer xoxb-secret"));
      assertThat(CommandsTest.text(run(ADMIN, file))).contains("Imported **1** feed");
      assertThat(server.lastRequest("/start.opml").header("Authorization")).isEqualTo("Bearer xoxb-secret");
      assertThat(other.lastRequest("/moved.opml").header("Authorization")).as("not across origins").isNull();
    }
  }

  @Test
  void longReportsAreCutToFitOneMessage() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 300; i++) body.append("<outline text=\"Bad ").append(i).append("\" xmlUrl=\"gopher://x").append(i).append("\"/>\n");
    String error = CommandsTest.error(run(ADMIN, serve("/many.opml", opml(body.toString()))));
    assertThat(error).contains("300 problems").containsPattern("… and \\d+ more$");
    assertThat(error.length()).isLessThanOrEqualTo(2000);
  }
}
