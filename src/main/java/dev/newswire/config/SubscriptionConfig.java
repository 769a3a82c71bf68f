package dev.newswire.config;

import java.util.List;

/**
 * A subscription from the config file, applied (upserted) at start; changes made in chat stay in the database.
 *
 * @param platform  discord, slack or console
 * @param workspace Discord guild id / Slack team id ("-" for console)
 * @param channel   channel id
 * @param topics    topic ids from the taxonomy
 * @param feeds     feed URLs
 * @param all       true for every story
 * @param mode      instant (default), daily or weekly
 * @param time      HH:mm for daily/weekly
 * @param timezone  IANA zone id, e.g. Europe/Berlin
 * @param include   filters: keyword, "phrase" or /regex/; when present, a story must match one
 * @param exclude   filters: a matching story is never posted to this channel
 */
public record SubscriptionConfig(String platform, String workspace, String channel, List<String> topics,
    List<String> feeds, Boolean all, String mode, String time, String timezone, List<String> include,
    List<String> exclude) {
  public SubscriptionConfig {
    topics = topics == null ? List.of() : List.copyOf(topics);
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    all = all == null ? Boolean.FALSE : all;
    mode = mode == null || mode.isBlank() ? "instant" : mode.trim();
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    workspace = workspace == null || workspace.isBlank() ? "-" : workspace.trim();
  }
}
