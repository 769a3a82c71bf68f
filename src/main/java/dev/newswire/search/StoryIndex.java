package dev.newswire.search;

import java.time.Instant;
import java.util.List;

/** Full-text search over stored stories. */
public interface StoryIndex {

  /** Indexes stored items not indexed yet. Safe to call often (e.g. after every poll commit). */
  void catchUp();

  /**
   * @param query words, "quoted phrases", optional AND/OR/NOT
   * @param since only stories at or after this instant, or null for all
   * @return item ids, most relevant first, newer first among equally relevant
   */
  List<Long> search(String query, Instant since, int limit);

  int size();

  /** True while stories committed before now are still being indexed (the first build after a start). */
  default boolean catchingUp() {
    return false;
  }
}
