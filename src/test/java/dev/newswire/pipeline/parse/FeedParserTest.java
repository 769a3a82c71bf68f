package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.news.NewsItem;
import dev.newswire.news.ParsedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private final FeedParser parser = new FeedParser();

  @Test
  void rss20() throws Exception {
    ParsedFeed feed = parse("rss20.xml", "application/rss+xml", null);
    assertThat(feed.title()).isEqualTo("Example & AI News");
    assertThat(feed.link()).isEqualTo("https://news.example.com/");
    assertThat(feed.feedType()).isEqualTo("rss_2.0");
    assertThat(feed.items()).hasSize(2);

    NewsItem first = feed.items().get(0);
    assertThat(first.guid()).isEqualTo("story-1");
    assertThat(first.title()).isEqualTo("GPT’s new model");
    assertThat(first.link()).isEqualTo("https://news.example.com/2025/07/new-model?id=7");
    assertThat(first.summary()).isEqualTo("A short summary.");
    assertThat(first.contentText()).isEqualTo("First paragraph.\nSecond paragraph.");
    assertThat(first.author()).isEqualTo("Ada Lovelace");
    assertThat(first.published()).isEqualTo(Instant.parse("2025-07-24T16:00:00Z"));
    assertThat(first.updated()).isNull();
    assertThat(first.categories()).containsExactly("Models", "Research");
    assertThat(first.image()).isEqualTo("https://cdn.example.com/thumb.jpg");
    assertThat(first.topics()).isEmpty();

    NewsItem second = feed.items().get(1);
    assertThat(second.guid()).isNull();
    assertThat(second.displayId()).isEqualTo("https://news.example.com/second");
    assertThat(second.author()).isEqualTo("Grace Hopper");
    assertThat(second.image()).as("first <img> of the description; audio enclosure ignored")
        .isEqualTo("https://cdn.example.com/inline.png");
    assertThat(second.published()).isNull();
  }

  @Test
  void atom10WithXmlBase() throws Exception {
    ParsedFeed feed = parse("atom10.xml", "application/atom+xml", URI.create("https://ignored.example/feed"));
    assertThat(feed.title()).isEqualTo("Lab Blog");
    assertThat(feed.feedType()).isEqualTo("atom_1.0");
    NewsItem first = feed.items().get(0);
    assertThat(first.guid()).isEqualTo("tag:blog.example.org,2025:post-1");
    assertThat(first.title()).as("type=text keeps markup-like text").isEqualTo("Scaling laws <revisited>");
    assertThat(first.link()).isEqualTo("https://blog.example.org/posts/scaling?page=2");
    assertThat(first.published()).isEqualTo(Instant.parse("2025-07-19T06:30:00Z"));
    assertThat(first.updated()).isEqualTo(Instant.parse("2025-07-20T09:00:00Z"));
    assertThat(first.author()).isEqualTo("Alan Turing");
    assertThat(first.summary()).isEqualTo("Do they hold?");
    assertThat(first.contentText()).isEqualTo("Long answer.\nYes.");
    assertThat(first.categories()).containsExactly("scaling");
    assertThat(first.image()).isEqualTo("https://blog.example.org/media/cover.png");

    NewsItem second = feed.items().get(1);
    assertThat(second.link()).isEqualTo("https://other.example.net/section/item2.html");
    assertThat(second.summary()).as("falls back to content").isEqualTo("Only content.");
    assertThat(second.published()).isNull();
    assertThat(second.updated()).isEqualTo(Instant.parse("2025-07-18T00:00:00Z"));
  }

  @Test
  void rdf() throws Exception {
    ParsedFeed feed = parse("rdf.xml", null, null);
    assertThat(feed.feedType()).isEqualTo("rss_1.0");
    NewsItem item = feed.items().get(0);
    assertThat(item.guid()).isEqualTo("http://rdf.example.com/item/1");
    assertThat(item.link()).isEqualTo("http://rdf.example.com/item/1");
    assertThat(item.updated()).isEqualTo(Instant.parse("2003-12-31T10:14:55Z"));
    assertThat(item.author()).isEqualTo("Tim");
    assertThat(item.summary()).isEqualTo("Item description");
  }

  @Test
  void atom03FollowsRomeForPublished() throws Exception {
    ParsedFeed feed = parse("atom03.xml", null, null);
    assertThat(feed.feedType()).isEqualTo("atom_0.3");
    NewsItem item = feed.items().get(0);
    assertThat(item.title()).isEqualTo("Old entry");
    assertThat(item.link()).isEqualTo("http://old.example.com/1");
    assertThat(item.author()).isEqualTo("Old Author");
    assertThat(item.published()).isNotNull();
    assertThat(item.updated()).isEqualTo(Instant.parse("2004-01-01T19:48:21Z"));
  }

  @Test
  void relativeLinksResolveAgainstFeedLinkThenBaseUri() throws Exception {
    ParsedFeed feed = parse("relative-links.xml", null, URI.create("https://site.example.com/feeds/main.xml"));
    assertThat(feed.link()).isEqualTo("https://site.example.com/blog/");
    assertThat(feed.items()).extracting(NewsItem::link).containsExactly(
        "https://site.example.com/blog/one", "https://site.example.com/blog/two.html", null);
    assertThat(feed.items()).extracting(NewsItem::title).containsExactly("One", "Two", "Bad scheme");
  }

  @Test
  void relativeLinksWithoutAnyBaseAreDropped() throws Exception {
    ParsedFeed feed = parse("relative-links.xml", null, null);
    assertThat(feed.items()).extracting(NewsItem::link).containsOnlyNulls();
  }

  @Test
  void doctypeAndHtmlEntitiesAreTolerated() throws Exception {
    ParsedFeed feed = parse("doctype-netscape.xml", "text/xml", null);
    assertThat(feed.title()).isEqualTo("Café News");
    NewsItem item = feed.items().get(0);
    assertThat(item.title()).isEqualTo("Crème brûlée — AT&T © &bogus;");
    assertThat(item.summary()).isEqualTo("naïve…");
  }

  @Test
  void junkBeforeTheDeclarationAndLateDeclaredCharset() throws Exception {
    ParsedFeed feed = parse("junk-before-prolog.xml", null, null);
    assertThat(feed.title()).isEqualTo("Café “quoted”");
    assertThat(feed.items().get(0).title()).isEqualTo("Invalid control");
  }

  @Test
  void invalidBytesDoNotKillTheFeed() throws Exception {
    ParsedFeed feed = parse("invalid-utf8.xml", "application/xml; charset=utf-8", null);
    assertThat(feed.title()).startsWith("Bad ").endsWith(" bytes");
    assertThat(feed.items().get(0).title()).isEqualTo("Café ok");
  }

  @Test
  void httpCharsetWinsOverProlog() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title>"
        + "<link>http://x.example/</link><description>d</description></channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1), "text/xml; charset=iso-8859-1", null);
    assertThat(feed.title()).isEqualTo("Café");
  }

  @Test
  void utf16WithBom() throws Exception {
    String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>\u65e5\u672c</title>"
        + "<link>http://x.example/</link><description>d</description></channel></rss>";
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_16LE), null, null);
    assertThat(feed.title()).isEqualTo("日本");
  }

  @Test
  void xxeNeverReadsTheFile() throws Exception {
    ParsedFeed feed = parse("xxe.xml", null, null);
    String everything = feed.toString();
    assertThat(everything).doesNotContain("root:").doesNotContain("/bin/").doesNotContain("inlined-entity-text");
    assertThat(feed.items().get(0).title()).isEqualTo("Item &xxe; &local;");
  }

  @Test
  void billionLaughsIsNotExpanded() {
    long start = System.nanoTime();
    try {
      ParsedFeed feed = parse("billion-laughs.xml", null, null);
      assertThat(feed.items().get(0).title()).hasSizeLessThan(100);
    } catch (FeedParseException e) {
      assertThat(e.getMessage()).doesNotContain("Exception");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void htmlPageIsExplained() {
    assertThatThrownBy(() -> parse("html-page.html", "text/html; charset=utf-8", null))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("HTML page")
        .hasMessageContaining("rel=alternate");
  }

  @Test
  void truncatedXmlIsExplained() {
    assertThatThrownBy(() -> parse("truncated.xml", null, null))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("cut off")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void emptyJsonAndTextAreExplained() {
    assertThatThrownBy(() -> parser.parse(new byte[0], null, null)).hasMessageContaining("empty response");
    assertThatThrownBy(() -> parser.parse(null, null, null)).hasMessageContaining("empty response");
    assertThatThrownBy(() -> parser.parse("{\"version\":\"https://jsonfeed.org/version/1\"}".getBytes(StandardCharsets.UTF_8),
        "application/json", null)).hasMessageContaining("JSON");
    assertThatThrownBy(() -> parser.parse("Service Unavailable".getBytes(StandardCharsets.UTF_8), "text/plain", null))
        .hasMessageContaining("plain text");
  }

  @Test
  void bareRssWithoutChannelIsAnEmptyFeed() throws Exception {
    ParsedFeed feed = parser.parse("<rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(feed.items()).isEmpty();
  }

  @Test
  void otherXmlIsExplained() {
    assertThatThrownBy(() -> parser.parse("<?xml version=\"1.0\"?><sitemap><url/></sitemap>".getBytes(StandardCharsets.UTF_8),
        null, null)).isInstanceOf(FeedParseException.class).hasMessageContaining("<sitemap>");
  }

  @Test
  void documentWithoutElementsIsExplained() {
    assertThatThrownBy(() -> parser.parse("<!-- nothing here -->".getBytes(StandardCharsets.UTF_8), null, null))
        .hasMessageContaining("no XML elements");
  }

  @Test
  void malformedXmlIsExplainedWithPosition() {
    assertThatThrownBy(() -> parser.parse("<rss version=\"2.0\"><channel><title>x</titel></channel></rss>"
        .getBytes(StandardCharsets.UTF_8), null, null))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("not well-formed XML")
        .hasMessageContaining("line 1");
  }

  private ParsedFeed parse(String fixture, String contentType, URI base) throws FeedParseException {
    return parser.parse(fixture(fixture), contentType, base);
  }

  static byte[] fixture(String name) {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
