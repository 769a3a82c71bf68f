package dev.newswire.delivery;

import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import java.util.List;

/**
 * What a platform receives to post: one story from one feed, for one delivery, with its neutral card.
 *
 * @param mentions who this post pings (the channel's topic mentions that match the story); empty for edits and
 *                 everything else, so a message pings once at most
 */
public record Story(long deliveryId, String feedUrl, String feedName, NewsItem item, Card card, List<Mention> mentions) {
  public Story {
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  /** A story that pings nobody. */
  public Story(long deliveryId, String feedUrl, String feedName, NewsItem item, Card card) {
    this(deliveryId, feedUrl, feedName, item, card, List.of());
  }

  public Story withMentions(List<Mention> pings) {
    return new Story(deliveryId, feedUrl, feedName, item, card, pings);
  }
}
