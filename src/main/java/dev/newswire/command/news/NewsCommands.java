package dev.newswire.command.news;

import dev.newswire.command.CommandRegistry;
import dev.newswire.command.admin.FeedCommands;
import dev.newswire.command.admin.FilterCommands;
import dev.newswire.command.admin.StatusCommand;

/** Registers every command: /news for everyone, /news-admin for admins. */
public final class NewsCommands {
  private NewsCommands() {}

  public static CommandRegistry register(CommandRegistry registry, CommandContext ctx) {
    registry.register(new HelpCommand(registry))
        .register(new TopicsCommand(ctx))
        .register(new SourcesCommand(ctx))
        .register(new LatestCommand(ctx))
        .register(new SearchCommand(ctx))
        .register(new SubscribeCommand(ctx))
        .register(new UnsubscribeCommand(ctx))
        .register(new SubscriptionsCommand(ctx));
    registry.registerAll(FeedCommands.all(ctx));
    registry.registerAll(FilterCommands.all(ctx));
    registry.register(new StatusCommand(ctx));
    return registry;
  }
}
