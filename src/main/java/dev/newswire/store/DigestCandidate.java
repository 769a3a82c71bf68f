package dev.newswire.store;

/**
 * A story that may go into a digest.
 *
 * @param coverage who carried the item's story (its cluster), or null when the item is in no cluster
 */
public record DigestCandidate(StoredItem story, StoryCoverage coverage) {

  /** How many outlets carried the story: the cluster's feeds, or 1 for an item on its own. */
  public int sources() {
    return coverage == null ? 1 : Math.max(1, coverage.sources());
  }
}
