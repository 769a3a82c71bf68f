package dev.newswire.command.news;

import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.news.SourceLink;
import dev.newswire.store.StoredItem;
import dev.newswire.store.StoryCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses stored items into stories for command replies: five outlets running one story are one entry, not five.
 * Items of one cluster form one story; an item without a cluster is a story of its own.
 */
final class StoryEntries {
  private StoryEntries() {}

  /**
   * The stories of these items in the order of each story's first item (so a story ranks by its best item), at
   * most max; each story's items keep the given order.
   */
  static List<List<StoredItem>> group(List<StoredItem> ranked, Map<Long, StoryCoverage> coverage, int max) {
    Map<String, List<StoredItem>> stories = new LinkedHashMap<>();
    for (StoredItem s : ranked) {
      StoryCoverage c = coverage.get(s.id());
      String key = c == null ? "item:" + s.id() : "cluster:" + c.clusterId();
      if (stories.size() >= max && !stories.containsKey(key)) continue; // later items may still join shown stories
      stories.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    return List.copyOf(stories.values());
  }

  /** The card of the item shown for a story, listing the story's other outlets under "Also covered by". */
  static Card card(CommandContext ctx, StoredItem shown, NewsItem classified, Map<Long, StoryCoverage> coverage) {
    Card card = ctx.enricher().enrich(classified, shown.feedName(), null);
    StoryCoverage c = coverage.get(shown.id());
    List<SourceLink> others = c == null ? List.of() : c.others(shown.feedId());
    return others.isEmpty() ? card : card.withAlsoCoveredBy(others);
  }
}
