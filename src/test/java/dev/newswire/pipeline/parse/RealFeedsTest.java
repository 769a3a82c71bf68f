package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.NewsItem;
import dev.newswire.news.ParsedFeed;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Real-world snapshots (../shared/corpus/real) against FIRST_ITEMS.tsv, which was produced by a plain XML read:
 * first item's title, link and id, and the item count. Links compare after our canonicalisation; a relative link in
 * the snapshot is resolved against the feed's own link, as the parser does.
 */
class RealFeedsTest {

  /** Just under the measured ratio; see the printed report. */
  private static final double FLOOR = 0.99;

  private final FeedParser parser = new FeedParser();
  private final LinkCanonicalizer canonicalizer = new LinkCanonicalizer();
  private final HtmlText html = new HtmlText();

  @Test
  void firstItemsMatchThePlainXmlReading() throws FeedParseException {
    Path dir = Corpus.dir("real");
    ConformanceTally tally = new ConformanceTally("real/FIRST_ITEMS.tsv");
    for (CorpusTsv.Row row : CorpusTsv.read(dir.resolve("FIRST_ITEMS.tsv"))) {
      String file = row.get("file");
      ParsedFeed feed = parser.parse(Corpus.read(dir.resolve(file)), null, null);
      assertThat(feed.items()).as(file).isNotEmpty();
      NewsItem first = feed.items().get(0);

      tally.record("item_count", feed.items().size() == Integer.parseInt(row.get("item_count")),
          file + " expected " + row.get("item_count") + " got " + feed.items().size());
      long distinctIds = feed.items().stream().map(NewsItem::guid).filter(Objects::nonNull).distinct().count();
      tally.record("distinct_ids", distinctIds == Integer.parseInt(row.get("distinct_ids")),
          file + " expected " + row.get("distinct_ids") + " got " + distinctIds);

      String expectedTitle = row.get("entry0.title");
      tally.record("entry0.title", first.title().equals(HtmlText.collapse(expectedTitle))
              || first.title().equals(html.toLine(expectedTitle)),
          file + " expected [" + expectedTitle + "] got [" + first.title() + "]");

      String expectedLink = canonicalizer.canonicalize(new LinkResolver().resolve(row.get("entry0.link"), feed.link()));
      tally.record("entry0.link", Objects.equals(expectedLink, first.link()),
          file + " expected [" + expectedLink + "] got [" + first.link() + "]");

      String expectedId = row.get("entry0.id").isEmpty() ? null : row.get("entry0.id");
      tally.record("entry0.id", Objects.equals(expectedId, first.guid()),
          file + " expected [" + expectedId + "] got [" + first.guid() + "]");

      String expectedDate = row.get("entry0.date_utc");
      if (!expectedDate.isEmpty()) {
        tally.record("entry0.date", java.time.Instant.parse(expectedDate).equals(first.bestTime()),
            file + " expected " + expectedDate + " (" + row.get("date_element") + ") got " + first.bestTime());
      }
      tally.record("all_items_have_link", feed.items().stream().allMatch(i -> i.link() != null), file);
      // dedupe keys: guid, else link (HN 2012, Microsoft's empty guids) must still tell items apart
      tally.record("unique_displayIds",
          new HashSet<>(feed.items().stream().map(NewsItem::displayId).toList()).size() == feed.items().size(), file);
    }
    System.out.println(tally.report(40));
    assertThat(tally.ratio()).as("real feeds ratio (regression floor)").isGreaterThanOrEqualTo(FLOOR);
  }

  @Test
  void imagesAreFoundWhereTheFeedsCarryThem() throws FeedParseException {
    Path dir = Corpus.dir("real");
    for (String file : List.of("deepmind_blog_2025-07-26.xml", "feedjira/TechCrunch.xml", "feedjira/youtube_atom.xml")) {
      ParsedFeed feed = parser.parse(Corpus.read(dir.resolve(file)), null, null);
      long withImage = feed.items().stream().filter(i -> i.image() != null).count();
      System.out.printf("  images: %s %d/%d items%n", file, withImage, feed.items().size());
      assertThat(withImage).as(file).isPositive();
      assertThat(feed.items()).allSatisfy(i -> assertThat(i.image() == null || i.image().startsWith("http")).isTrue());
    }
  }
}
