package dev.newswire.pipeline.identity;

import java.util.Set;

/** What a feed's history already holds, limited to the hashes asked about. */
public record KnownItems(Set<String> keyHashes, Set<String> linkHashes, Set<String> titleHashes) {
  public static KnownItems none() {
    return new KnownItems(Set.of(), Set.of(), Set.of());
  }
}
