package dev.newswire.command.admin;

import dev.newswire.delivery.Mention;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the target of {@code /news-admin mention} as each platform hands it over. Discord's MENTIONABLE option
 * arrives as {@code <@&123>} (role) or {@code <@123>} (user); Slack's escaped command text as {@code <@U123>}
 * (user, after SlackBot drops the label) or {@code <!subteam^S123|@team>} (user group). Everyone-style mentions are
 * refused by name: pinging a whole channel on every story is what this feature must never do.
 */
final class MentionTargets {
  private static final Pattern DISCORD_ROLE = Pattern.compile("<@&(\\d{1,20})>");
  private static final Pattern DISCORD_USER = Pattern.compile("<@!?(\\d{1,20})>");
  private static final Pattern SLACK_USER = Pattern.compile("<@([UW][A-Z0-9]{1,20})(?:\\|[^>]*)?>");
  private static final Pattern SLACK_GROUP = Pattern.compile("<!subteam\\^([A-Z0-9]{1,20})(?:\\|[^>]*)?>");
  private static final Pattern BROADCAST =
      Pattern.compile("@?(everyone|here|channel)|<!(everyone|here|channel)(?:\\|[^>]*)?>");

  private MentionTargets() {}

  /**
   * @param workspace the Discord guild id: its @everyone role has the guild's id, and is refused like @everyone
   * @throws IllegalArgumentException with the message to show the admin
   */
  static Mention parse(String platform, String workspace, String raw) {
    String text = raw == null ? "" : raw.strip();
    Matcher broadcast = BROADCAST.matcher(text.toLowerCase(Locale.ROOT));
    if (broadcast.matches()) {
      String which = broadcast.group(1) != null ? broadcast.group(1) : broadcast.group(2);
      throw new IllegalArgumentException(refusal("@" + which));
    }
    if ("slack".equals(platform)) {
      Matcher group = SLACK_GROUP.matcher(text);
      if (group.matches()) return new Mention(Mention.Kind.USERGROUP, group.group(1));
      Matcher user = SLACK_USER.matcher(text);
      if (user.matches()) return new Mention(Mention.Kind.USER, user.group(1));
      throw new IllegalArgumentException("'" + text + "' is not a user or user group. Type @ and pick one from"
          + " Slack's list, e.g. `mention add llms @ml-team` or `mention add llms @alice`.");
    }
    Matcher role = DISCORD_ROLE.matcher(text);
    if (role.matches()) {
      if (role.group(1).equals(workspace)) throw new IllegalArgumentException(refusal("@everyone"));
      return new Mention(Mention.Kind.ROLE, role.group(1));
    }
    Matcher user = DISCORD_USER.matcher(text);
    if (user.matches()) return new Mention(Mention.Kind.USER, user.group(1));
    throw new IllegalArgumentException("'" + text + "' is not a role or user. Pick one in the command's target"
        + " option (type @ and choose), e.g. `/news-admin mention add topic:llms target:@ML`.");
  }

  private static String refusal(String which) {
    return which + " is refused: it would ping everyone in the channel on every story about the topic. Create a role"
        + " (Discord) or user group (Slack) for the people who want these pings, and mention that instead.";
  }
}
