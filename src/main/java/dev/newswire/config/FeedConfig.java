package dev.newswire.config;

import java.time.Duration;

/**
 * One feed from the config file.
 *
 * @param url      http(s) URL of the RSS/Atom document
 * @param name     display name
 * @param interval poll interval for this feed, or null for polling.interval
 * @param enabled  false keeps the feed configured but not polled
 */
public record FeedConfig(String url, String name, Duration interval, Boolean enabled) {
  public FeedConfig {
    enabled = enabled == null ? Boolean.TRUE : enabled;
  }
}
