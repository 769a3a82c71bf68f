package dev.newswire.pipeline.card;

import java.util.List;

/**
 * What the summarizer extracted from a story.
 *
 * @param tldr      at most 280 characters of whole sentences (one cut sentence when the first is longer)
 * @param keyPoints at most 3 further sentences, in story order
 */
public record Summary(String tldr, List<String> keyPoints) {

  public Summary {
    tldr = tldr == null ? "" : tldr;
    keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
  }
}
