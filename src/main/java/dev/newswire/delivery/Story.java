package dev.newswire.delivery;

import dev.newswire.news.NewsItem;

/** What a platform receives to post: one story from one feed, for one delivery. */
public record Story(long deliveryId, String feedUrl, String feedName, NewsItem item) {}
