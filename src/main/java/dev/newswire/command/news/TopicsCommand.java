package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.config.TopicConfig;
import java.util.List;

/** /news topics: the taxonomy with descriptions. */
public final class TopicsCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "topics", "The topics stories are sorted into",
      List.of(), false, true);
  private final CommandContext ctx;

  public TopicsCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    if (ctx.taxonomy().topics().isEmpty()) return new Reply.Text("No topics are configured (topics: in the config file).", true);
    StringBuilder sb = new StringBuilder("**Topics** (use the id in `/news latest`, `/news subscribe`)");
    for (TopicConfig t : ctx.taxonomy().topics()) {
      sb.append("\n• `").append(t.id()).append("` **").append(t.name() == null ? t.id() : t.name()).append("**");
      if (t.description() != null && !t.description().isBlank()) sb.append(" — ").append(t.description());
    }
    return new Reply.Text(sb.toString(), true);
  }
}
