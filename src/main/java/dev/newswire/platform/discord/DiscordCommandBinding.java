package dev.newswire.platform.discord;

import dev.newswire.command.CommandRegistry;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import java.util.List;

/** Binds Discord's slash commands to the core registry, which owns validation, admin checks and rate limits. */
public final class DiscordCommandBinding {
  private DiscordCommandBinding() {}

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

      @Override
      public List<String> complete(String group, String path, String option, String partial, Invocation invocation) {
        return registry.autocomplete(group, path, option, partial);
      }
    };
  }
}
