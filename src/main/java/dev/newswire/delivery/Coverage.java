package dev.newswire.delivery;

import dev.newswire.news.Card;

/**
 * "Covered by N sources" on the compact entries of digests and command lists, where there is no room for an
 * "Also covered by" field: N counts the card's own outlet with the others, so a story nobody else ran shows nothing.
 */
final class Coverage {
  private Coverage() {}

  static boolean shown(Card card) {
    return !card.alsoCoveredBy().isEmpty();
  }

  static int sources(Card card) {
    return 1 + card.alsoCoveredBy().size();
  }

  static String label(Card card) {
    return "Covered by " + sources(card) + " sources";
  }
}
