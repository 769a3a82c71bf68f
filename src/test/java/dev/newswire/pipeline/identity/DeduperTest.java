package dev.newswire.pipeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.NewsItem;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeduperTest {
  private final Deduper deduper = new Deduper();
  private static final Instant T = Instant.parse("2026-11-01T12:00:00Z");

  static NewsItem item(String guid, String title, String link, Instant published) {
    return new NewsItem(guid, title, link, "", "", null, published, null, List.of(), null, List.of());
  }

  /** Remembers every key, link and title of a document, as the store would after a poll. */
  private KnownItems historyOf(List<NewsItem> items) {
    Set<String> keys = new HashSet<>();
    Set<String> links = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (IdentifiedItem i : deduper.identify(items)) {
      keys.add(i.keyHash());
      if (i.linkHash() != null) links.add(i.linkHash());
      if (i.titleHash() != null) titles.add(i.titleHash());
    }
    return new KnownItems(keys, links, titles);
  }

  private List<String> newTitles(List<NewsItem> before, List<NewsItem> now) {
    return deduper.split(deduper.identify(now), historyOf(before), true).news().stream()
        .map(i -> i.item().title()).toList();
  }

  @Test
  void firstPollIsABaseline() {
    DedupeResult r = deduper.split(deduper.identify(List.of(item("a", "A", "https://x/a", T))), KnownItems.none(), false);
    assertThat(r.news()).isEmpty();
    assertThat(r.remembered()).hasSize(1);
  }

  @Test
  void newItemsComeOldestFirst() {
    List<NewsItem> before = List.of(item("a", "A", "https://x/a", T));
    List<NewsItem> now = List.of(item("c", "C", "https://x/c", T.plusSeconds(200)),
        item("b", "B", "https://x/b", T.plusSeconds(100)), item("a", "A", "https://x/a", T));
    assertThat(newTitles(before, now)).containsExactly("B", "C");
  }

  @Test
  void bumpedDatesAndReorderingAreNotNews() {
    List<NewsItem> before = List.of(item("a", "A", "https://x/a", T), item("b", "B", "https://x/b", T));
    List<NewsItem> now = List.of(item("b", "B", "https://x/b", T.plusSeconds(86400)),
        item("a", "A", "https://x/a", T.plusSeconds(99999)));
    assertThat(newTitles(before, now)).isEmpty();
  }

  @Test
  void backDatedNewItemIsStillNews() {
    List<NewsItem> before = List.of(item("a", "A", "https://x/a", T));
    List<NewsItem> now = List.of(item("a", "A", "https://x/a", T), item("old", "Written last year", "https://x/old",
        T.minusSeconds(365L * 86400)));
    assertThat(newTitles(before, now)).containsExactly("Written last year");
  }

  @Test
  void guidChurnWithSameLinkIsNotNews() {
    List<NewsItem> before = List.of(item("guid-v1", "Launch", "https://x/launch", T));
    List<NewsItem> now = List.of(item("guid-v2", "Launch (updated)", "https://x/launch", T));
    assertThat(newTitles(before, now)).isEmpty();
  }

  @Test
  void guidChurnWithSameTitleIsNotNews() {
    List<NewsItem> before = List.of(item("guid-v1", "OpenAI ships GPT-6", "https://x/a?id=1", T));
    List<NewsItem> now = List.of(item("guid-v2", "OpenAI ships GPT‑6!", "https://x/b", T));
    assertThat(newTitles(before, now)).isEmpty();
  }

  @Test
  void duplicateGuidsFallBackToLinks() {
    // Microsoft's blog sends the same empty-ish guid on every item
    List<NewsItem> before = List.of(item("x", "A", "https://x/a", T), item("x", "B", "https://x/b", T));
    List<NewsItem> now = List.of(item("x", "C", "https://x/c", T), item("x", "A", "https://x/a", T),
        item("x", "B", "https://x/b", T));
    assertThat(newTitles(before, now)).containsExactly("C");
  }

  @Test
  void noGuidNoLinkUsesTitleAndDay() {
    List<NewsItem> before = List.of(item(null, "Only a title", null, T));
    List<NewsItem> now = List.of(item(null, "Only a title", null, T.plusSeconds(60)), item(null, "Another", null, null));
    assertThat(newTitles(before, now)).containsExactly("Another");
  }

  @Test
  void sameEntryTwiceInOneDocumentPostsOnce() {
    List<NewsItem> before = List.of(item("a", "A", "https://x/a", T));
    List<NewsItem> now = List.of(item("n", "New", "https://x/n", T), item("n", "New", "https://x/n", T),
        item("n2", "New again", "https://x/n", T));
    assertThat(newTitles(before, now)).containsExactly("New");
  }

  @Test
  void undatedNewItemsFollowReversedDocumentOrder() {
    List<NewsItem> before = List.of(item("a", "A", "https://x/a", null));
    List<NewsItem> now = List.of(item("c", "C", "https://x/c", null), item("b", "B", "https://x/b", T),
        item("a", "A", "https://x/a", null));
    assertThat(newTitles(before, now)).containsExactly("B", "C");
  }

  @Test
  void titleNormalisationIgnoresCaseAccentsAndPunctuation() {
    assertThat(ItemKeys.normalisedTitle("Café — GPT-5: Out NOW!")).isEqualTo("cafe gpt 5 out now");
  }
}
