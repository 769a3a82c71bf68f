package dev.newswire.command;

/** The value types a command option can take; each platform maps them to its native option kinds. */
public enum OptionType {
  STRING,
  INTEGER,
  BOOLEAN,
  /** A user or role to mention (Discord: MENTIONABLE; Slack: an escaped <@U…> or <!subteam^…>). */
  MENTIONABLE,
  /**
   * A file (Discord: an ATTACHMENT option; Slack: a link to the file, typed as text). The value is an
   * {@link Attachment}; the command downloads it through the guarded fetcher.
   */
  ATTACHMENT
}
