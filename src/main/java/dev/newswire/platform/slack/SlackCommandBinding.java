package dev.newswire.platform.slack;

import dev.newswire.command.CommandRegistry;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import java.util.List;

/** Binds /news and /news-admin to the core registry, which owns validation, admin checks and rate limits. */
public final class SlackCommandBinding {
  private SlackCommandBinding() {}

  public static CommandHandler of(CommandRegistry registry) {
    return new CommandHandler() {
      @Override
      public List<CommandSpec> specs() {
        return registry.specs();
      }

      @Override
      public Reply handle(String group, String path, Invocation invocation) {
        return registry.dispatch(group, path, invocation);
      }
    };
  }
}
