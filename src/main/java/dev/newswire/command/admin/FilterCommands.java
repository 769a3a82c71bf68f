package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.command.news.CommandContext;
import dev.newswire.subscription.ChannelFilter;
import dev.newswire.subscription.FilterPattern;
import java.util.List;

/** /news-admin filter add|remove|list: filters on what reaches this channel. */
public final class FilterCommands {
  private FilterCommands() {}

  public static List<BotCommand> all(CommandContext ctx) {
    return List.of(new Add(ctx), new Remove(ctx), new ListFilters(ctx));
  }

  static final class Add implements BotCommand {
    private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "filter add",
        "Only include, or exclude, stories matching a pattern here",
        List.of(OptionSpec.required("action", OptionType.STRING, "include or exclude").withChoices(List.of("include", "exclude")),
            OptionSpec.required("pattern", OptionType.STRING, "keyword, \"phrase in quotes\" or /regex/"),
            OptionSpec.optional("field", OptionType.STRING, "where to look (default any)").withChoices(List.of("title", "summary", "any"))),
        true, true);
    private final CommandContext ctx;

    Add(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public CommandSpec spec() {
      return SPEC;
    }

    @Override
    public Reply handle(Invocation inv) {
      FilterPattern p;
      try {
        p = FilterPattern.parse(inv.string("pattern"));
      } catch (IllegalArgumentException e) {
        return new Reply.Error("Bad pattern: " + e.getMessage() + ". Usage: `" + SPEC.usage() + "`");
      }
      String field = inv.string("field") == null ? "any" : inv.string("field");
      ChannelFilter f = ctx.subscriptions().addFilter(inv.channel(), inv.string("action"), p, field);
      String how = f.action().equals(ChannelFilter.EXCLUDE) ? "Stories matching it are no longer posted here."
          : "Only stories matching an include filter are posted here now.";
      return new Reply.Text("Filter " + f.describe() + " is on. " + how + " Remove it with `/news-admin filter remove " + f.id() + "`.", true);
    }
  }

  static final class Remove implements BotCommand {
    private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "filter remove", "Remove a filter from this channel",
        List.of(OptionSpec.required("id", OptionType.INTEGER, "the filter's number from /news-admin filter list")), true, true);
    private final CommandContext ctx;

    Remove(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public CommandSpec spec() {
      return SPEC;
    }

    @Override
    public Reply handle(Invocation inv) {
      long id = inv.integer("id");
      if (ctx.subscriptions().removeFilter(inv.channel(), id)) return new Reply.Text("Removed filter #" + id + ".", true);
      return new Reply.Error("This channel has no filter #" + id + ". See `/news-admin filter list`.");
    }
  }

  static final class ListFilters implements BotCommand {
    private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "filter list", "The filters of this channel",
        List.of(), true, true);
    private final CommandContext ctx;

    ListFilters(CommandContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public CommandSpec spec() {
      return SPEC;
    }

    @Override
    public Reply handle(Invocation inv) {
      List<ChannelFilter> filters = ctx.subscriptions().filters(inv.channel());
      if (filters.isEmpty()) return new Reply.Text("This channel has no filters. Add one with `" + Add.SPEC.usage() + "`.", true);
      StringBuilder sb = new StringBuilder("**Filters here**");
      for (ChannelFilter f : filters) sb.append("\n• ").append(f.describe());
      return new Reply.Text(sb.toString(), true);
    }
  }
}
