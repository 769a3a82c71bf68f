package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.news.Feed;
import java.util.List;

/** /news sources: the feeds and how each is doing. */
public final class SourcesCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "sources", "The feeds this bot reads and their health",
      List.of(), false, true);
  private final CommandContext ctx;

  public SourcesCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    List<Feed> feeds = ctx.feeds().all().stream().filter(Feed::enabled).toList();
    if (feeds.isEmpty()) return new Reply.Text("No feeds yet. An admin can add one with `/news-admin feed add <url>`.", true);
    StringBuilder sb = new StringBuilder("**Sources** (" + feeds.size() + ")");
    for (Feed f : feeds) sb.append("\n• ").append(f.label()).append(" — ").append(CommandContext.health(f));
    return new Reply.Text(sb.toString(), true);
  }
}
