package dev.newswire.store;

/**
 * A feed to add, e.g. from an OPML import.
 *
 * @param category folder path such as "AI/Research", or null
 */
public record NewFeed(String url, String name, String category) {}
