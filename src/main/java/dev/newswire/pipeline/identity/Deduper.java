package dev.newswire.pipeline.identity;

import dev.newswire.news.NewsItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which items of a document are news. Dates never decide newness (feeds bump, re-stamp and back-date
 * them); they only order what is posted.
 */
public final class Deduper {

  /** Identifies every item of a document; the key rule depends on whether guids are unique in this document. */
  public List<IdentifiedItem> identify(List<NewsItem> items) {
    Map<String, Integer> guidCounts = new HashMap<>();
    for (NewsItem item : items) {
      if (item.guid() != null && !item.guid().isBlank()) guidCounts.merge(item.guid().trim(), 1, Integer::sum);
    }
    List<IdentifiedItem> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      NewsItem item = items.get(i);
      boolean unique = item.guid() != null && guidCounts.getOrDefault(item.guid().trim(), 0) == 1;
      out.add(new IdentifiedItem(item, ItemKeys.sha256(ItemKeys.stableKey(item, unique)),
          ItemKeys.linkHash(item), ItemKeys.titleHash(item), i));
    }
    return out;
  }

  /**
   * @param identified   output of {@link #identify}
   * @param history      what the feed already holds (see {@link KnownItems})
   * @param baselineDone false on the first successful poll: everything is remembered, nothing is news
   */
  public DedupeResult split(List<IdentifiedItem> identified, KnownItems history, boolean baselineDone) {
    List<IdentifiedItem> news = new ArrayList<>();
    List<IdentifiedItem> remembered = new ArrayList<>();
    List<IdentifiedItem> known = new ArrayList<>();
    Set<String> keysThisDoc = new HashSet<>();
    Set<String> linksThisDoc = new HashSet<>();
    for (IdentifiedItem it : identified) {
      if (!keysThisDoc.add(it.keyHash())) continue; // the same entry twice in one document
      if (history.keyHashes().contains(it.keyHash())) {
        known.add(it);
        continue;
      }
      boolean sameStoryAsBefore = (it.linkHash() != null && history.linkHashes().contains(it.linkHash()))
          || (it.titleHash() != null && history.titleHashes().contains(it.titleHash()));
      boolean sameStoryInThisDoc = it.linkHash() != null && !linksThisDoc.add(it.linkHash());
      if (!baselineDone || sameStoryAsBefore || sameStoryInThisDoc) {
        remembered.add(it);
      } else {
        news.add(it);
      }
      if (it.linkHash() != null) linksThisDoc.add(it.linkHash());
    }
    return new DedupeResult(oldestFirst(news), remembered, known);
  }

  /**
   * Feeds list newest first, so reversed document order is the fallback; dates refine it only when every new item
   * has one (mixing dated and undated items by date would guess).
   */
  static List<IdentifiedItem> oldestFirst(List<IdentifiedItem> news) {
    List<IdentifiedItem> sorted = new ArrayList<>(news);
    Comparator<IdentifiedItem> byReverseDocument = Comparator.comparingInt(IdentifiedItem::documentIndex).reversed();
    boolean allDated = sorted.stream().allMatch(i -> i.item().bestTime() != null);
    if (allDated) {
      Function<IdentifiedItem, Instant> time = i -> i.item().bestTime();
      sorted.sort(Comparator.comparing(time).thenComparing(byReverseDocument));
    } else {
      sorted.sort(byReverseDocument);
    }
    return sorted;
  }
}
