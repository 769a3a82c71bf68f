package dev.newswire.store;

import dev.newswire.news.NewsItem;
import java.time.Instant;

/** An item as kept in the database, with the feed it came from. */
public record StoredItem(long id, long feedId, String feedUrl, String feedName, NewsItem item, Instant firstSeenAt) {}
