package dev.newswire.store;

import java.time.Instant;

/** One stored item of a story cluster: enough to name and link the outlet that carried it. */
public record ClusterMember(long itemId, long feedId, String feedName, String link, Instant firstSeenAt) {}
