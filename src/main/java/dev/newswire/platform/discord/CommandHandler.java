package dev.newswire.platform.discord;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Discord adapter needs from the command layer. The core's command registry plugs in here (it owns
 * admin checks, usage and errors); {@link #of(List)} binds plain {@link BotCommand}s for tests and small setups.
 */
public interface CommandHandler {

  /** Every command to register on Discord. */
  List<CommandSpec> specs();

  /** Runs one command; must not throw for anything a user can type. Called off the gateway thread. */
  Reply handle(String group, String path, Invocation invocation);

  /** Autocomplete suggestions for one option; the adapter sends at most 25. */
  default List<String> complete(String group, String path, String option, String partial, Invocation invocation) {
    return List.of();
  }

  /** Dispatches by (group, path) to the given commands, with no checks of its own. */
  static CommandHandler of(List<BotCommand> commands) {
    Map<String, BotCommand> byKey = new LinkedHashMap<>();
    for (BotCommand c : commands) {
      byKey.put(c.spec().group() + " " + c.spec().path(), c);
    }
    return new CommandHandler() {
      @Override
      public List<CommandSpec> specs() {
        return byKey.values().stream().map(BotCommand::spec).toList();
      }

      @Override
      public Reply handle(String group, String path, Invocation invocation) {
        BotCommand c = byKey.get(group + " " + path);
        return c == null ? new Reply.Error("Unknown command /" + group + " " + path + ".") : c.handle(invocation);
      }

      @Override
      public List<String> complete(String group, String path, String option, String partial, Invocation invocation) {
        BotCommand c = byKey.get(group + " " + path);
        return c == null ? List.of() : c.complete(option, partial);
      }
    };
  }
}
