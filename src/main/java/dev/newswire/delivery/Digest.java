package dev.newswire.delivery;

import dev.newswire.news.Card;
import java.util.List;

/**
 * Several stories folded into one message, for a scheduled digest.
 *
 * @param key identifies this digest run (subscription and due time): the platform's idempotency key
 */
public record Digest(String key, String heading, List<Card> cards) {
  public Digest {
    cards = List.copyOf(cards);
  }
}
