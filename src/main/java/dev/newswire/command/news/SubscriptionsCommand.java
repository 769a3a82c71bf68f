package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.subscription.ChannelFilter;
import dev.newswire.subscription.Subscription;
import java.util.List;

/** /news subscriptions: what reaches this channel, and its filters. */
public final class SubscriptionsCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "subscriptions", "What this channel receives",
      List.of(), false, true);
  private final CommandContext ctx;

  public SubscriptionsCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    List<Subscription> subs = ctx.subscriptions().forChannel(inv.channel());
    List<ChannelFilter> filters = ctx.subscriptions().filters(inv.channel());
    if (subs.isEmpty()) {
      return new Reply.Text("Nothing is sent to this channel. Subscribe with `/news subscribe <topic|feed URL|all>`;"
          + " see `/news topics`.", true);
    }
    StringBuilder sb = new StringBuilder("**This channel receives**");
    for (Subscription s : subs) sb.append("\n• ").append(s.describe());
    if (!filters.isEmpty()) {
      sb.append("\n**Filters**");
      for (ChannelFilter f : filters) sb.append("\n• ").append(f.describe());
    }
    return new Reply.Text(sb.toString(), true);
  }
}
