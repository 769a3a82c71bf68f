package dev.newswire.subscription;

import dev.newswire.news.ChannelRef;

/**
 * A filter on what reaches one channel.
 *
 * @param action "include" or "exclude"
 * @param field  "title", "summary" or "any"
 */
public record ChannelFilter(long id, ChannelRef channel, String action, FilterPattern pattern, String field) {
  public static final String INCLUDE = "include";
  public static final String EXCLUDE = "exclude";

  public String describe() {
    return "#" + id + " " + action + " " + pattern.display() + " in " + field + " (" + pattern.kind().id() + ")";
  }
}
