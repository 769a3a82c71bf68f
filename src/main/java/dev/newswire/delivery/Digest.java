package dev.newswire.delivery;

import dev.newswire.news.Card;
import java.util.List;

/**
 * Several stories folded into one message, for a scheduled digest.
 *
 * @param key             identifies this digest run (subscription and due time): the platform's idempotency key
 * @param primaryTopicIds the primary topic id of each card, by position ("" when none), for "More like this"
 */
public record Digest(String key, String heading, List<Card> cards, List<String> primaryTopicIds) {
  public Digest {
    cards = List.copyOf(cards);
    primaryTopicIds = primaryTopicIds == null ? List.of() : List.copyOf(primaryTopicIds);
  }

  public Digest(String key, String heading, List<Card> cards) {
    this(key, heading, cards, List.of());
  }
}
