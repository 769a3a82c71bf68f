package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandRegistry;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.Reply;
import java.util.List;

/** /news help: generated from the registered specs, so it can never disagree with them. */
public final class HelpCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "help", "What this bot can do", List.of(),
      false, true);
  private final CommandRegistry registry;

  public HelpCommand(CommandRegistry registry) {
    this.registry = registry;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    StringBuilder sb = new StringBuilder("**Newswire commands**");
    String group = null;
    for (CommandSpec s : registry.visibleTo(inv)) {
      if (!s.group().equals(group)) {
        group = s.group();
        if (s.adminOnly()) sb.append("\n\n**Admin commands**");
      }
      sb.append("\n• `").append(s.usage()).append("` — ").append(s.description());
      for (OptionSpec o : s.options()) {
        if (!o.choices().isEmpty()) sb.append(" (").append(o.name()).append(": ").append(String.join("|", o.choices())).append(')');
      }
    }
    return new Reply.Text(sb.toString(), true);
  }
}
