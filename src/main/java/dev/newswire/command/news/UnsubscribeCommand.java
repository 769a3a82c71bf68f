package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.subscription.Subscription;
import java.util.List;
import java.util.Locale;

/** /news unsubscribe target. */
public final class UnsubscribeCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "unsubscribe", "Stop sending a topic, a feed or all stories here",
      List.of(OptionSpec.required("target", OptionType.STRING, "topic id, feed URL, or all").withAutocomplete()), false, false);
  private final CommandContext ctx;

  public UnsubscribeCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    Reply.Error denied = SubscribeCommand.permission(ctx, inv, SPEC.usage());
    if (denied != null) return denied;
    String t = inv.string("target").strip();
    for (Subscription s : ctx.subscriptions().forChannel(inv.channel())) {
      boolean match = s.kind().equals(Subscription.ALL) ? t.equalsIgnoreCase("all") || t.equals("*")
          : s.kind().equals(Subscription.TOPIC) ? s.target().equals(t.toLowerCase(Locale.ROOT)) : s.target().equals(t);
      if (match && ctx.subscriptions().remove(inv.channel(), s.kind(), s.target())) {
        return new Reply.Text("Unsubscribed this channel from " + s.describe() + ".", false);
      }
    }
    List<Subscription> here = ctx.subscriptions().forChannel(inv.channel());
    return new Reply.Error("This channel is not subscribed to '" + t + "'."
        + (here.isEmpty() ? " It has no subscriptions." : " It receives: "
            + String.join(", ", here.stream().map(s -> s.kind().equals(Subscription.ALL) ? "all" : s.target()).toList()) + "."));
  }

  @Override
  public List<String> complete(String option, String partial) {
    return List.of();
  }
}
