package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.store.ChannelOptionStore;
import java.util.List;

/** /news-admin threads on|off: a public discussion thread on every story posted in this Discord channel. */
public final class ThreadsCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "threads",
      "Open a discussion thread on each story posted here (Discord)",
      List.of(OptionSpec.required("state", OptionType.STRING, "on or off").withChoices(List.of("on", "off"))), true, true);
  private final ChannelOptionStore options;

  public ThreadsCommand(ChannelOptionStore options) {
    this.options = options;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    if (!"discord".equals(inv.channel().platform())) {
      return new Reply.Error("Threads per story are a Discord feature; in Slack, reply in the story's thread.");
    }
    boolean on = "on".equalsIgnoreCase(inv.string("state"));
    options.setThreadPerStory(inv.channel(), on);
    return new Reply.Text(on
        ? "Each new story posted here gets a public thread for discussion (the bot needs Create Public Threads)."
        : "Stories posted here no longer get threads.", true);
  }
}
