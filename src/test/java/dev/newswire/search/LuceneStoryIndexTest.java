package dev.newswire.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.identity.IdentifiedItem;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.store.ItemStore;
import dev.newswire.store.PollCommit;
import dev.newswire.store.StoredItem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneStoryIndexTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  /** Only what the index reads: items by id. */
  static final class ListItems extends ListItemsBase {}

  static class ListItemsBase implements ItemStore {
    final List<StoredItem> rows = new ArrayList<>();

    void add(String title, String summary, Instant at) {
      long id = rows.size() + 1;
      rows.add(new StoredItem(id, 1, "https://f.example/feed", "F", new NewsItem(null, title, "https://f.example/" + id,
          summary, "", null, at, null, List.of(), null, List.of()), at));
    }

    @Override
    public List<StoredItem> after(long afterId, int limit) {
      return rows.stream().filter(r -> r.id() > afterId).limit(limit).toList();
    }

    @Override
    public KnownItems known(long feedId, Collection<IdentifiedItem> items) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void commitPoll(PollCommit commit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<StoredItem> find(long itemId) {
      return itemId >= 1 && itemId <= rows.size() ? Optional.of(rows.get((int) itemId - 1)) : Optional.empty();
    }

    @Override
    public long count() {
      return rows.size();
    }

    @Override
    public int forgetNotSeenSince(Instant cutoff) {
      return 0;
    }

    @Override
    public List<StoredItem> latest(int limit) {
      return List.of();
    }

    @Override
    public long countFirstSeenSince(Instant since) {
      return 0;
    }
  }

  @Test
  void relevanceThenRecencyAndIncrementalCatchUp() {
    ListItems items = new ListItems();
    items.add("Nvidia GPU news", "chips", T0);
    items.add("Weekly roundup", "also mentions a GPU", T0.plus(Duration.ofDays(2)));
    items.add("Nvidia GPU news", "chips", T0.plus(Duration.ofDays(1)));
    try (LuceneStoryIndex index = new LuceneStoryIndex(items)) {
      index.catchUp();
      assertThat(index.search("gpu", null, 10)).containsExactly(3L, 1L, 2L);
      assertThat(index.search("gpu", T0.plus(Duration.ofHours(1)), 10)).containsExactly(3L, 2L);
      assertThat(index.search("\"nvidia gpu\"", null, 10)).containsExactly(3L, 1L);
      assertThat(index.search("\"gpu nvidia\"", null, 10)).isEmpty();
      assertThat(index.search("title:(", null, 10)).isEmpty();
      items.add("Fresh GPU story", "", T0.plus(Duration.ofDays(3)));
      index.catchUp();
      assertThat(index.search("fresh", null, 10)).containsExactly(4L);
      assertThat(index.size()).isEqualTo(4);
    }
  }

  @Test
  void measuresIndexingAndQueryTime() {
    ListItems items = new ListItems();
    String[] words = {"model", "gpu", "agent", "policy", "robot", "chip", "dataset", "benchmark", "funding", "safety"};
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      items.add("Story " + i + " about " + words[i % 10] + " and " + words[(i * 7) % 10],
          "A summary of some length that talks about " + words[(i * 3) % 10] + " in detail, number " + i,
          T0.plusSeconds(i * 60L));
    }
    try (LuceneStoryIndex index = new LuceneStoryIndex(items)) {
      long t0 = System.nanoTime();
      index.catchUp();
      long indexMs = (System.nanoTime() - t0) / 1_000_000;
      index.search("gpu policy", null, 5); // warm up
      long t1 = System.nanoTime();
      int queries = 200;
      for (int q = 0; q < queries; q++) assertThat(index.search(words[q % 10] + " " + words[(q * 7) % 10], null, 5)).isNotEmpty();
      double perQueryMs = (System.nanoTime() - t1) / 1e6 / queries;
      System.out.printf("LuceneStoryIndex: indexed %d stories in %d ms; %.2f ms per query%n", n, indexMs, perQueryMs);
      assertThat(index.size()).isEqualTo(n);
    }
  }

  @Test
  void onDiskIndexKeepsWhatItIndexedAndOnlyAddsNewRowsAfterARestart(@TempDir Path dir) {
    CountingItems items = new CountingItems();
    items.add("Nvidia GPU news", "chips", T0);
    items.add("Robot arm learns", "robots", T0.plusSeconds(60));
    Path where = dir.resolve("index");
    try (LuceneStoryIndex index = new LuceneStoryIndex(items, Optional.of(where))) {
      index.catchUp();
      assertThat(index.location()).isEqualTo(where.toString());
    }
    items.add("Fresh GPU story", "", T0.plusSeconds(120));
    items.reads.clear();
    try (LuceneStoryIndex index = new LuceneStoryIndex(items, Optional.of(where))) {
      assertThat(index.size()).as("kept on disk").isEqualTo(2);
      index.catchUpSoon();
      assertThat(index.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(items.reads).as("the restart read only rows after the last indexed id").containsExactly(2L);
      assertThat(index.search("gpu", null, 10)).containsExactly(3L, 1L);
      assertThat(index.size()).isEqualTo(3);
    }
  }

  @Test
  void anIndexAheadOfTheDatabaseIsRebuilt(@TempDir Path dir) {
    ListItems before = new ListItems();
    for (int i = 0; i < 5; i++) before.add("Old story " + i, "gpu", T0.plusSeconds(i));
    Path where = dir.resolve("index");
    try (LuceneStoryIndex index = new LuceneStoryIndex(before, Optional.of(where))) {
      index.catchUp();
    }
    ListItems replaced = new ListItems(); // a fresh database: ids start at 1 again and mean other stories
    replaced.add("New robot story", "robots", T0);
    try (LuceneStoryIndex index = new LuceneStoryIndex(replaced, Optional.of(where))) {
      index.catchUp();
      assertThat(index.search("gpu", null, 10)).isEmpty();
      assertThat(index.search("robot", null, 10)).containsExactly(1L);
      assertThat(index.size()).isEqualTo(1);
    }
  }

  @Test
  void aSecondProcessOnTheSameDirectoryFallsBackToMemory(@TempDir Path dir) {
    ListItems items = new ListItems();
    items.add("Nvidia GPU news", "chips", T0);
    Path where = dir.resolve("index");
    try (LuceneStoryIndex first = new LuceneStoryIndex(items, Optional.of(where));
         LuceneStoryIndex second = new LuceneStoryIndex(items, Optional.of(where))) {
      assertThat(second.location()).isEqualTo("memory");
      second.catchUp();
      first.catchUp();
      assertThat(second.search("gpu", null, 10)).containsExactly(1L);
      assertThat(first.search("gpu", null, 10)).containsExactly(1L);
    }
  }

  @Test
  void aSearchRightAfterACommitFindsTheNewStory() {
    ListItems items = new ListItems();
    try (LuceneStoryIndex index = new LuceneStoryIndex(items)) {
      index.catchUpSoon();
      items.add("Breaking: new open model", "weights released", T0);
      index.catchUpSoon(); // what a poll commit does; the search must not race it
      assertThat(index.search("model", null, 10)).containsExactly(1L);
      assertThat(index.catchingUp()).isFalse();
    }
  }

  @Test
  void reportsCatchingUpWhileTheFirstBuildRuns() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    ListItemsBase slow = new ListItemsBase() {
      @Override
      public List<StoredItem> after(long afterId, int limit) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.after(afterId, limit);
      }
    };
    slow.add("Nvidia GPU news", "chips", T0);
    try (LuceneStoryIndex index = new LuceneStoryIndex(slow)) {
      index.catchUpSoon();
      assertThat(index.catchingUp()).isTrue();
      assertThat(index.awaitCaughtUp(Duration.ofMillis(50))).isFalse();
      release.countDown();
      assertThat(index.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(index.catchingUp()).isFalse();
      assertThat(index.search("gpu", null, 10)).containsExactly(1L);
    }
  }

  /** Records which ids the index asked for rows after, to show a restart does not re-read everything. */
  static final class CountingItems extends ListItemsBase {
    final List<Long> reads = new ArrayList<>();

    @Override
    public List<StoredItem> after(long afterId, int limit) {
      reads.add(afterId);
      return super.after(afterId, limit);
    }
  }
}
