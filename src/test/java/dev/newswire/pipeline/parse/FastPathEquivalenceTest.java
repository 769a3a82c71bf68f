package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.ParsedFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path (Woodstox StAX → JDOM) must give exactly what the original path (Rome's SAX parser → JDOM) gives:
 * same feed title, link, type, and the same items field by field, for every real feed and every Rome test feed.
 */
class FastPathEquivalenceTest {

  private final FeedParser fast = new FeedParser();
  private final FeedParser sax = new FeedParser(FeedParser.DocumentBuilder.ROME_SAX);

  @Test
  void everyRealFeedGivesTheSameItemsOnBothPaths() throws IOException {
    List<Path> files = xmlFiles(Corpus.dir("real"));
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    int items = 0;
    for (Path f : files) {
      byte[] bytes = Corpus.read(f);
      URI base = URI.create("https://example.com/" + f.getFileName());
      ParsedFeed expected = parseOrNull(sax, bytes, base);
      ParsedFeed actual = parseOrNull(fast, bytes, base);
      assertThat(actual).as(f.toString()).isEqualTo(expected);
      items += expected == null ? 0 : expected.items().size();
    }
    assertThat(items).isGreaterThan(1000);
  }

  @Test
  void romeTestFeedsGiveTheSameResultOnBothPaths() throws IOException {
    for (Path f : xmlFiles(Corpus.dir("rome"))) {
      byte[] bytes = Corpus.read(f);
      assertThat(parseOrNull(fast, bytes, null)).as(f.toString()).isEqualTo(parseOrNull(sax, bytes, null));
    }
  }

  private static ParsedFeed parseOrNull(FeedParser parser, byte[] bytes, URI base) {
    try {
      return parser.parse(bytes, null, base);
    } catch (FeedParseException e) {
      return null;
    }
  }

  private static List<Path> xmlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
