package dev.newswire.command;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Who is an admin: the platform says so (Discord Manage Server, Slack admin/owner), or the config's admins list. */
public final class Admins {
  private final Set<String> ids = new LinkedHashSet<>();

  /** @param configured "discord:123", "slack:U123", or a bare id for any platform */
  public Admins(Collection<String> configured) {
    if (configured != null) for (String a : configured) if (a != null && !a.isBlank()) ids.add(a.strip());
  }

  public boolean isConfigured(String platform, String userId) {
    if (userId == null) return false;
    return ids.contains(userId) || ids.contains(platform + ":" + userId);
  }

  public boolean isAdmin(Invocation inv) {
    if (inv == null) return false;
    return inv.platformAdmin() || isConfigured(inv.channel() == null ? "" : inv.channel().platform(), inv.userId());
  }
}
