package dev.newswire.config;

/**
 * How chat commands behave.
 *
 * @param rateLimitPerMinute      commands one user may run per minute (default 10)
 * @param allowMembersToSubscribe true lets every member use /news subscribe and /news unsubscribe; admins only by default
 */
public record CommandsConfig(Integer rateLimitPerMinute, Boolean allowMembersToSubscribe) {
  public CommandsConfig {
    rateLimitPerMinute = rateLimitPerMinute == null ? 10 : rateLimitPerMinute;
    allowMembersToSubscribe = allowMembersToSubscribe == null ? Boolean.FALSE : allowMembersToSubscribe;
  }

  public static CommandsConfig defaults() {
    return new CommandsConfig(null, null);
  }
}
