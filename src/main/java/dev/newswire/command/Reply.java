package dev.newswire.command;

import dev.newswire.news.Card;
import java.util.List;

/** What a command answers; each adapter renders it natively. */
public sealed interface Reply {
  boolean ephemeral();

  /** Plain text (may contain simple markdown: **bold**, `code`, bullet lines starting with "• "). */
  record Text(String text, boolean ephemeral) implements Reply {}

  /** Story cards, with an optional heading line. */
  record Cards(String heading, List<Card> cards, boolean ephemeral) implements Reply {
    public Cards {
      cards = List.copyOf(cards);
    }
  }

  /** The command could not be done: says what is wrong and how to do it right. Always shown only to the caller. */
  record Error(String message) implements Reply {
    @Override
    public boolean ephemeral() {
      return true;
    }
  }
}
