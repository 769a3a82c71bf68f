package dev.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.StorageConfig;
import dev.newswire.ops.Opml;
import dev.newswire.store.CategorizedFeed;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcFeedStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.newswire.support.CapturedConsole;
import org.junit.jupiter.api.io.TempDir;

/** `newswire feeds import|export` as a user types it, against real OPML exports and an H2 file database. */
class OpmlCommandTest {
  @RegisterExtension final CapturedConsole console = new CapturedConsole();

  @TempDir Path dir;

  private String out() {
    String s = console.stdout.toString(StandardCharsets.UTF_8);
    console.stdout.reset();
    return s;
  }

  private String err() {
    String s = console.stderr.toString(StandardCharsets.UTF_8);
    console.stderr.reset();
    return s;
  }

  private Path config(String name) throws Exception {
    Path cfg = dir.resolve(name + ".yaml");
    Files.writeString(cfg, "storage:\n  url: jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + "\nfeeds: []\n");
    return cfg;
  }

  private Path opml(String resource) throws Exception {
    Path p = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream("/opml/" + resource)) {
      Files.copy(in, p);
    }
    return p;
  }

  private List<CategorizedFeed> stored(String name) {
    try (Database db = Database.open(new StorageConfig("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), null, 2), null)) {
      return new JdbcFeedStore(db, Clock.systemUTC()).allWithCategories();
    }
  }

  private static List<String> urls(List<CategorizedFeed> feeds) {
    return feeds.stream().map(cf -> cf.feed().url()).toList();
  }

  @Test
  void importsAFeedlyExportWithFoldersAsCategories() throws Exception {
    Path cfg = config("db");
    int rc = NewswireCli.execute("feeds", "import", opml("feedly.opml").toString(), "--config", cfg.toString());
    assertThat(rc).as(err()).isZero();
    assertThat(out()).contains("Imported 5 feeds");
    List<CategorizedFeed> feeds = stored("db");
    assertThat(feeds).hasSize(5);
    assertThat(feeds.get(0).feed().url()).isEqualTo("https://openai.com/news/rss.xml");
    assertThat(feeds.get(0).feed().name()).isEqualTo("OpenAI News");
    assertThat(feeds.get(0).feed().origin()).isEqualTo("opml");
    assertThat(feeds.get(0).feed().enabled()).isTrue();
    assertThat(feeds.get(0).category()).isEqualTo("AI Labs");
    assertThat(feeds.get(3).feed().name()).isEqualTo("AI News & Artificial Intelligence | TechCrunch");
    assertThat(feeds.get(3).category()).isEqualTo("Press");
  }

  @Test
  void inoreaderNestedFoldersAndNonAsciiTitlesSurvive() throws Exception {
    Path cfg = config("db");
    assertThat(NewswireCli.execute("feeds", "import", opml("inoreader.opml").toString(), "--config", cfg.toString())).isZero();
    List<CategorizedFeed> feeds = stored("db");
    assertThat(feeds).extracting(CategorizedFeed::category)
        .containsExactly("Research/Papers", "Research/Papers", "Research", "International", "International", null);
    assertThat(feeds).extracting(cf -> cf.feed().name())
        .contains("heise online – Künstliche Intelligenz", "ITmedia AI＋ 人工知能ニュース", "🤖 Robotics");
  }

  @Test
  void oneBadUrlImportsNothingAndEveryProblemIsReportedWithItsLine() throws Exception {
    Path cfg = config("db");
    int rc = NewswireCli.execute("feeds", "import", opml("broken-urls.opml").toString(), "--config", cfg.toString());
    assertThat(rc).isEqualTo(2);
    String e = err();
    assertThat(e).contains("broken-urls.opml:line 6 ('Feed scheme'): 'feed://example.com/rss' is not an http(s) URL (replace feed:// with https://)")
        .contains("line 7 ('FTP'): 'ftp://files.example.com/feed.xml' is not an http(s) URL")
        .contains("line 8 ('Spaces'): 'https://bad example.com/feed' is not a well-formed URL")
        .contains("line 9 ('No URL'): xmlUrl is empty")
        .contains("Nothing imported: 4 problems");
    assertThat(e).doesNotContain("line 5").doesNotContain("line 10");
    assertThat(stored("db")).isEmpty();
  }

  @Test
  void duplicatesWithinTheFileAndAlreadyStoredAreSkippedAndReported() throws Exception {
    Path cfg = config("db");
    Path file = opml("nested-duplicates.opml");
    assertThat(NewswireCli.execute("feeds", "import", file.toString(), "--config", cfg.toString())).isZero();
    assertThat(out()).contains("Imported 4 feeds").contains("skipped 2 duplicates");
    String e = err();
    assertThat(e).contains("line 16 ('NVIDIA again, other spelling'): skipped: same feed as line 11")
        .contains("line 19 ('Ars Technica — AI (copy)'): skipped: same feed as line 14");
    List<CategorizedFeed> feeds = stored("db");
    assertThat(feeds).extracting(CategorizedFeed::category).containsExactly(null, "Tech/AI/Labs", "Tech/AI/Labs", "Tech/AI");
    assertThat(feeds.get(2).feed().name()).isEqualTo("Microsoft <AI> Blog");

    assertThat(NewswireCli.execute("feeds", "import", file.toString(), "--config", cfg.toString())).isZero();
    assertThat(out()).contains("Imported 0 feeds").contains("skipped 6 duplicates");
    assertThat(err()).contains("line 7 ('MIT Technology Review'): skipped: already subscribed");
    assertThat(stored("db")).hasSize(4);
  }

  @Test
  void dryRunReportsAndWritesNothing() throws Exception {
    Path cfg = config("db");
    int rc = NewswireCli.execute("feeds", "import", "--dry-run", opml("feedly.opml").toString(), "--config", cfg.toString());
    assertThat(rc).isZero();
    String o = out();
    assertThat(o).contains("would add: https://openai.com/news/rss.xml  OpenAI News  [AI Labs]")
        .contains("Dry run: would import 5 feeds").contains("Nothing was written");
    assertThat(stored("db")).isEmpty();
    assertThat(NewswireCli.execute("feeds", "import", "--dry-run", opml("broken-urls.opml").toString(), "--config", cfg.toString()))
        .isEqualTo(2);
    assertThat(stored("db")).isEmpty();
  }

  @Test
  void exportThenImportRoundTripsExactly() throws Exception {
    Path first = config("first");
    for (String f : List.of("inoreader.opml", "nested-duplicates.opml", "feedly.opml")) {
      assertThat(NewswireCli.execute("feeds", "import", opml(f).toString(), "--config", first.toString())).as(err()).isZero();
    }
    Path exported = dir.resolve("export.opml");
    assertThat(NewswireCli.execute("feeds", "export", exported.toString(), "--config", first.toString())).isZero();
    String xml = Files.readString(exported);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")
        .contains("<outline text=\"Research\" title=\"Research\">")
        .contains("title=\"Microsoft &lt;AI&gt; Blog\"")
        .contains("title=\"&quot;Ars&quot; Technica — AI\"")
        .contains("人工知能ニュース");

    Path second = config("second");
    assertThat(NewswireCli.execute("feeds", "import", exported.toString(), "--config", second.toString())).as(err()).isZero();
    out();
    assertThat(NewswireCli.execute("feeds", "export", "--config", second.toString())).isZero();
    assertThat(out()).isEqualTo(xml);

    List<CategorizedFeed> a = stored("first");
    List<CategorizedFeed> b = stored("second");
    assertThat(b).hasSize(a.size()).hasSize(15);
    assertThat(b.stream().map(cf -> cf.feed().url() + "|" + cf.feed().name() + "|" + cf.category()).sorted().toList())
        .isEqualTo(a.stream().map(cf -> cf.feed().url() + "|" + cf.feed().name() + "|" + cf.category()).sorted().toList());
  }

  @Test
  void refusesDoctypeAndReportsMalformedXmlWithItsLine() throws Exception {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        + "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://a.example/\"/></body></opml>";
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> read(xxe)))
        .hasMessageContaining("DOCTYPE");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> read("<opml>\n<body>\n<outline text=\"a\">\n</body></opml>")))
        .hasMessageContaining("line 4").hasMessageContaining("not well-formed");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> read("<rss/>"))).hasMessageContaining("not an OPML file");

    Path bad = dir.resolve("bad.opml");
    Files.writeString(bad, xxe);
    assertThat(NewswireCli.execute("feeds", "import", bad.toString(), "--config", config("db").toString())).isEqualTo(2);
    assertThat(err()).contains("bad.opml: line 2: the file has a DOCTYPE");
    assertThat(urls(stored("db"))).isEmpty();
  }

  private static List<Opml.Entry> read(String xml) throws Exception {
    return Opml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aLongImportShowsProgressLinesWhenNoTerminalIsAttached() throws Exception {
    Path cfg = config("many");
    StringBuilder sb = new StringBuilder("<opml version=\"2.0\"><body>\n<outline text=\"Bulk\">\n");
    for (int i = 0; i < 1200; i++) sb.append("<outline text=\"F").append(i).append("\" xmlUrl=\"https://f").append(i).append(".example/rss\"/>\n");
    Path file = dir.resolve("many.opml");
    Files.writeString(file, sb.append("</outline></body></opml>\n").toString());
    assertThat(NewswireCli.execute("feeds", "import", file.toString(), "--config", cfg.toString())).isZero();
    String e = err();
    assertThat(e).contains("checking: 200/1200 (16%)", "checking: 1200/1200 (100%), done in ",
        "importing (one transaction): 120/1200 (10%)", "importing (one transaction): 1200/1200 (100%), done in ")
        .doesNotContain("\r");
    assertThat(out()).contains("Imported 1200 feeds");
    assertThat(stored("many")).hasSize(1200);
  }
}
