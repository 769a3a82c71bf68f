package dev.newswire.store;

import java.time.Instant;

/** What the story clusterer needs of a stored item to rebuild its window at start. */
public record ClusteredItem(long itemId, long feedId, String clusterId, String link, String title, String summary,
    Instant time) {}
