package dev.newswire.command;

import dev.newswire.news.ChannelRef;
import java.time.Instant;
import java.util.Map;

/**
 * A command as typed by someone, with the facts the adapter knows about them.
 *
 * @param channel       where it was typed (platform, workspace, channel)
 * @param userId        platform user id
 * @param platformAdmin true when the platform says the user administers this workspace (Discord: Manage Server in
 *                      that guild, checked server-side; Slack: workspace admin/owner from users.info)
 * @param options       typed values by option name: String, Long, Boolean; absent options are missing
 */
public record Invocation(ChannelRef channel, String userId, String userName, boolean platformAdmin,
    Map<String, Object> options, Instant at) {
  public Invocation {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  public String string(String name) {
    Object v = options.get(name);
    return v == null ? null : v.toString();
  }

  public Long integer(String name) {
    Object v = options.get(name);
    if (v instanceof Number n) return n.longValue();
    return v == null ? null : Long.valueOf(v.toString());
  }
}
