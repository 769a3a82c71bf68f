package dev.newswire.platform.slack;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Slack adapter needs from the command layer: the specs to parse against and a way to run one. The
 * core's CommandRegistry can implement this directly (or through {@link #of}) once it exists.
 */
public interface CommandHandler {

  /** Every command of every group this bot answers ("news", "news-admin"). */
  List<CommandSpec> specs();

  /** Runs group + path with the parsed options. Must not throw for user input. */
  Reply handle(String group, String path, Invocation invocation);

  /**
   * A plain binding of BotCommands by (group, path). It refuses adminOnly commands for non-admins, as the core
   * registry does; use the registry itself when it is available.
   */
  static CommandHandler of(List<? extends BotCommand> commands) {
    Map<String, BotCommand> byKey = new LinkedHashMap<>();
    for (BotCommand c : commands) {
      byKey.put(c.spec().group() + " " + c.spec().path(), c);
    }
    List<CommandSpec> specs = byKey.values().stream().map(BotCommand::spec).toList();
    return new CommandHandler() {
      @Override
      public List<CommandSpec> specs() {
        return specs;
      }

      @Override
      public Reply handle(String group, String path, Invocation invocation) {
        BotCommand c = byKey.get(group + " " + path);
        if (c == null) {
          return new Reply.Error("Unknown command /" + group + " " + path + ".");
        }
        if (c.spec().adminOnly() && !invocation.platformAdmin()) {
          return new Reply.Error("/" + group + " " + path + " is for workspace admins only.");
        }
        return c.handle(invocation);
      }
    };
  }
}
