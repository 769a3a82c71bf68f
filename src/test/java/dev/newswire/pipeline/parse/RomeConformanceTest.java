package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.NewsItem;
import dev.newswire.news.ParsedFeed;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Rome's own unit tests assert (../shared/corpus/rome/expectations.tsv), restated on our normalised model.
 * Rows about things the model does not carry (feed dates, enclosures, feed ids) and links that are not absolute
 * http(s) URLs (Rome's fixtures use placeholders like "rss_2.0.channel.item[0].link", which we drop by design)
 * are counted as skipped.
 */
class RomeConformanceTest {

  /** Just under the measured ratio; see the printed report. */
  private static final double FLOOR = 0.96;
  private static final Pattern ENTRY_FIELD = Pattern.compile("entry(\\d+|N)\\.(\\w+)");

  private final FeedParser parser = new FeedParser();
  private final HtmlText html = new HtmlText();

  @Test
  void matchesRomeExpectations() {
    Path dir = Corpus.dir("rome");
    ConformanceTally tally = new ConformanceTally("rome/expectations.tsv");
    int skipped = 0;
    String lastFile = null;
    ParsedFeed feed = null;
    String error = null;
    for (CorpusTsv.Row row : CorpusTsv.read(dir.resolve("expectations.tsv"))) {
      String file = row.get("file");
      if (!file.equals(lastFile)) {
        lastFile = file;
        feed = null;
        error = null;
        try {
          feed = parser.parse(Corpus.read(dir.resolve(file)), null, null);
        } catch (FeedParseException e) {
          error = e.getMessage();
        }
      }
      String field = row.get("field");
      String expected = row.get("expected");
      if (!mappable(field, expected)) {
        skipped++;
        continue;
      }
      if (feed == null) {
        tally.record(field, false, file + " parse failed: " + error);
        continue;
      }
      Boolean match = check(feed, field, expected);
      tally.record(field, match, file + " expected [" + expected + "] got [" + describe(feed, field) + "]");
    }
    System.out.println(tally.report(40) + "  skipped (not mappable): " + skipped + "\n");
    assertThat(tally.ratio()).as("rome conformance ratio (regression floor)").isGreaterThanOrEqualTo(FLOOR);
  }

  private static boolean mappable(String field, String expected) {
    if (field.startsWith("feed.") && !field.equals("feed.title") && !field.equals("feed.link")) {
      return false;
    }
    if (field.endsWith(".link") && field.startsWith("entry")) {
      return LinkResolver.isAbsoluteHttp(expected);
    }
    return !field.contains("enclosure");
  }

  private boolean check(ParsedFeed feed, String field, String expected) {
    switch (field) {
      case "feedType":
        return expected.equals(feed.feedType());
      case "feed.title":
        return sameText(expected, feed.title());
      case "feed.link":
        return expected.equals(feed.link());
      default:
        break;
    }
    Matcher m = ENTRY_FIELD.matcher(field);
    if (!m.matches()) {
      return false;
    }
    Function<NewsItem, Boolean> test = item -> checkItem(item, m.group(2), expected);
    if (m.group(1).equals("N")) {
      return !feed.items().isEmpty() && feed.items().stream().allMatch(test::apply);
    }
    int index = Integer.parseInt(m.group(1));
    return index < feed.items().size() && test.apply(feed.items().get(index));
  }

  private boolean checkItem(NewsItem item, String what, String expected) {
    return switch (what) {
      case "title" -> sameText(expected, item.title());
      case "link" -> new LinkCanonicalizer().canonicalize(expected).equals(item.link());
      // Rome's getUri() falls back to the link, as our displayId() does
      case "id" -> expected.equals(item.displayId());
      case "summary" -> sameText(expected, item.summary());
      case "author" -> expected.equals(item.author());
      case "published" -> Instant.parse(expected).equals(item.published());
      case "dc_date" -> Instant.parse(expected).equals(item.updated());
      case "categories" -> List.of(expected.split("\\|")).equals(item.categories());
      default -> false;
    };
  }

  private String describe(ParsedFeed feed, String field) {
    if (field.startsWith("feed") || feed.items().isEmpty()) {
      return field.equals("feedType") ? feed.feedType() : field.equals("feed.link") ? feed.link() : feed.title();
    }
    Matcher m = ENTRY_FIELD.matcher(field);
    NewsItem item = m.matches() && !m.group(1).equals("N") && Integer.parseInt(m.group(1)) < feed.items().size()
        ? feed.items().get(Integer.parseInt(m.group(1))) : feed.items().get(0);
    return item.toString();
  }

  private boolean sameText(String expected, String actual) {
    String a = HtmlText.collapse(actual).replace('\n', ' ');
    return a.equals(HtmlText.collapse(expected).replace('\n', ' ')) || a.equals(html.toLine(expected));
  }
}
