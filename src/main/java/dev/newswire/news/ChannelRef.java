package dev.newswire.news;

/**
 * A place messages can be posted to.
 *
 * @param platform  "console", "discord" or "slack"
 * @param workspace Discord guild id, Slack team id, or "-" where the platform has none
 * @param channel   channel id
 */
public record ChannelRef(String platform, String workspace, String channel) {
  public static final ChannelRef CONSOLE = new ChannelRef("console", "-", "console");

  @Override
  public String toString() {
    return platform + ":" + workspace + "/" + channel;
  }
}
