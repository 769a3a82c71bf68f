package dev.newswire.command;

import java.util.List;

/**
 * The platform-neutral definition of a command. Discord builds native slash commands from it, Slack parses text
 * against it, and help and usage messages are generated from it, so both platforms say the same thing.
 *
 * @param group       the top-level command: "news" for everyone, "news-admin" for admins
 * @param path        the subcommand path inside the group, one or two words: "latest", "feed add"
 * @param description one line, at most 100 characters (Discord's limit)
 * @param options     in the order they are typed
 * @param adminOnly   checked in the core on every call, whatever the platform's UI allows
 * @param ephemeral   true when the answer only concerns the caller
 */
public record CommandSpec(String group, String path, String description, List<OptionSpec> options, boolean adminOnly,
    boolean ephemeral) {
  public static final String NEWS = "news";
  public static final String ADMIN = "news-admin";

  public CommandSpec {
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** "/news latest [topic] [count]" */
  public String usage() {
    StringBuilder sb = new StringBuilder("/").append(group).append(' ').append(path);
    for (OptionSpec o : options) {
      sb.append(' ').append(o.required() ? "<" : "[").append(o.name()).append(o.required() ? ">" : "]");
    }
    return sb.toString();
  }
}
