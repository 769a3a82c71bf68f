package dev.newswire.pipeline.identity;

import dev.newswire.news.NewsItem;

/** An item with the hashes that identify it inside its feed, and its position in the document. */
public record IdentifiedItem(NewsItem item, String keyHash, String linkHash, String titleHash, int documentIndex) {}
