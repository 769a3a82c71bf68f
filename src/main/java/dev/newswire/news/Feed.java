package dev.newswire.news;

import java.time.Duration;

/**
 * A feed as stored: what to poll, how often, and how it has been going.
 *
 * @param origin "config" for feeds from newswire.yaml, "chat" for feeds added by an admin command
 */
public record Feed(
    long id,
    String url,
    String name,
    String origin,
    boolean enabled,
    Duration interval,
    String title,
    FeedValidators validators,
    boolean baselineDone,
    FeedHealth health) {

  public boolean paused() {
    return health.pausedReason() != null;
  }

  /** A human label: the configured name, else the feed's own title, else the URL. */
  public String label() {
    if (name != null && !name.isBlank()) return name;
    if (title != null && !title.isBlank()) return title;
    return url;
  }
}
