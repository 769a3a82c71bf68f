package dev.newswire.store;

import dev.newswire.news.Feed;

/** A stored feed with the folder it is filed under (null for none), for OPML export. */
public record CategorizedFeed(Feed feed, String category) {}
