package dev.newswire.delivery;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Someone a posted story pings: a Discord role or user, or a Slack user or user group. The only mentions the bot
 * ever sends, and only because an admin asked for them ({@code /news-admin mention add}).
 *
 * @param id the platform's id: Discord snowflake digits, Slack {@code U…}/{@code W…}/{@code S…}. Restricted to
 *           letters and digits, so the rendered mention can never carry other markup.
 */
public record Mention(Kind kind, String id) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");

  public enum Kind {
    ROLE, USER, USERGROUP;

    /** As stored: "role", "user", "usergroup". */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String stored) {
      return valueOf(stored.strip().toUpperCase(Locale.ROOT));
    }
  }

  public Mention {
    if (kind == null) throw new IllegalArgumentException("mention kind is missing");
    if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("not a mention id: " + id);
  }

  /** {@code <@&123>} for a role, {@code <@123>} for a user; empty for a Slack user group, which Discord has not. */
  public String discord() {
    return switch (kind) {
      case ROLE -> "<@&" + id + ">";
      case USER -> "<@" + id + ">";
      case USERGROUP -> "";
    };
  }

  /** {@code <!subteam^S123>} for a user group, {@code <@U123>} for a user; empty for a role, which Slack has not. */
  public String slack() {
    return switch (kind) {
      case USERGROUP -> "<!subteam^" + id + ">";
      case USER -> "<@" + id + ">";
      case ROLE -> "";
    };
  }

  /** The mention as written on that platform ("discord" or "slack"). */
  public String on(String platform) {
    return "slack".equals(platform) ? slack() : discord();
  }
}
