package dev.newswire.delivery;

import dev.newswire.news.ChannelRef;

/**
 * Told once when a channel fails for good (its later deliveries are skipped until the problem is cleared). The
 * dispatcher already logs it at WARN; an implementation may also tell the channel or an admin.
 */
@FunctionalInterface
public interface ProblemReporter {
  ProblemReporter NONE = (channel, reason) -> { };

  void channelFailed(ChannelRef channel, String reason);

  /** Posts the problem into the channel itself through its platform, where the platform can. */
  static ProblemReporter toChannel(java.util.Map<String, ChatPlatform> platforms) {
    return (channel, reason) -> {
      ChatPlatform p = platforms.get(channel.platform());
      if (p != null) {
        try {
          p.postNotice(channel, "Newswire stopped posting here: " + reason
              + " Fix it, then ask an admin to resume the channel.");
        } catch (RuntimeException ignored) {
          // best effort: the channel is probably unreachable, which is the problem being reported
        }
      }
    };
  }
}
