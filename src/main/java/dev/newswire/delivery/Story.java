package dev.newswire.delivery;

import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;

/** What a platform receives to post: one story from one feed, for one delivery, with its neutral card. */
public record Story(long deliveryId, String feedUrl, String feedName, NewsItem item, Card card) {}
