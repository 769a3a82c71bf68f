package dev.newswire.command;

/** The value types a command option can take; each platform maps them to its native option kinds. */
public enum OptionType {
  STRING,
  INTEGER,
  BOOLEAN,
  /** A user or role to mention (Discord: MENTIONABLE; Slack: an escaped <@U…> or <!subteam^…>). */
  MENTIONABLE
}
