package dev.newswire.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.IdentifiedItem;
import dev.newswire.pipeline.KnownItems;
import dev.newswire.store.ItemStore;
import dev.newswire.store.PollCommit;
import dev.newswire.store.StoredItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LuceneStoryIndexTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  /** Only what the index reads: items by id. */
  static final class ListItems implements ItemStore {
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
      return Optional.of(rows.get((int) itemId - 1));
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
}
