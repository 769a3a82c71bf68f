package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.command.news.CommandContext;
import dev.newswire.command.news.Topics;
import dev.newswire.delivery.Mention;
import dev.newswire.store.TopicMention;
import dev.newswire.store.TopicMentionStore;
import java.util.List;
import java.util.Locale;

/**
 * /news-admin mention add|remove|list: ping a role, user or user group when a story on a topic is posted in this
 * channel. The one place the bot mentions anyone, and only the targets set here (never @everyone/@here).
 */
public final class MentionCommands {
  /** Keeps a story's message short and a channel from turning into a ping wall. */
  static final int MAX_PER_CHANNEL = 25;

  private MentionCommands() {}

  public static List<BotCommand> all(CommandContext ctx, TopicMentionStore store) {
    return List.of(new Add(ctx, store), new Remove(ctx, store), new ListMentions(store));
  }

  static OptionSpec topicOption() {
    return OptionSpec.required("topic", OptionType.STRING, "topic id, see /news topics").withAutocomplete();
  }

  abstract static class Base implements BotCommand {
    final CommandContext ctx;
    final TopicMentionStore store;
    final CommandSpec spec;

    Base(CommandContext ctx, TopicMentionStore store, CommandSpec spec) {
      this.ctx = ctx;
      this.store = store;
      this.spec = spec;
    }

    @Override
    public CommandSpec spec() {
      return spec;
    }

    @Override
    public List<String> complete(String option, String partial) {
      if (!"topic".equals(option)) return List.of();
      String p = partial.toLowerCase(Locale.ROOT);
      return Topics.ids(ctx).stream().filter(id -> id.toLowerCase(Locale.ROOT).startsWith(p)).toList();
    }

    /** @throws IllegalArgumentException with what to type instead (see {@link #badTarget}) */
    Mention target(Invocation inv) {
      return MentionTargets.parse(inv.channel().platform(), inv.channel().workspace(), inv.string("target"));
    }

    Reply.Error badTarget(IllegalArgumentException e) {
      return new Reply.Error(e.getMessage() + " Usage: `" + spec.usage() + "`");
    }
  }

  static final class Add extends Base {
    Add(CommandContext ctx, TopicMentionStore store) {
      super(ctx, store, new CommandSpec(CommandSpec.ADMIN, "mention add",
          "Ping a role or user when a story on a topic is posted here",
          List.of(topicOption(), OptionSpec.required("target", OptionType.MENTIONABLE, "the role, user or user group to ping")),
          true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      String topic = inv.string("topic").strip();
      Reply.Error unknown = Topics.unknown(ctx, topic, spec.usage());
      if (unknown != null) return unknown;
      Mention target;
      try {
        target = target(inv);
      } catch (IllegalArgumentException e) {
        return badTarget(e);
      }
      if (store.forChannel(inv.channel()).size() >= MAX_PER_CHANNEL) {
        return new Reply.Error("This channel has " + MAX_PER_CHANNEL + " mentions already; remove one with"
            + " `/news-admin mention remove` first.");
      }
      String who = target.on(inv.channel().platform());
      if (!store.add(inv.channel(), topic, target)) {
        return new Reply.Text(who + " is already pinged here for topic " + topic + ".", true);
      }
      return new Reply.Text("New stories on topic " + topic + " posted here will ping " + who + " (digests and"
          + " edits never ping). Stop it with `/news-admin mention remove " + topic + "`.", true);
    }
  }

  static final class Remove extends Base {
    Remove(CommandContext ctx, TopicMentionStore store) {
      super(ctx, store, new CommandSpec(CommandSpec.ADMIN, "mention remove", "Stop pinging for a topic here",
          List.of(topicOption(),
              OptionSpec.optional("target", OptionType.MENTIONABLE, "only this role or user (default: all for the topic)")),
          true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      String topic = inv.string("topic").strip();
      Mention target = null;
      if (inv.string("target") != null) {
        try {
          target = target(inv);
        } catch (IllegalArgumentException e) {
          return badTarget(e);
        }
      }
      int removed = store.remove(inv.channel(), topic, target);
      if (removed == 0) {
        return new Reply.Error("Nothing pings " + (target == null ? "" : target.on(inv.channel().platform()) + " ")
            + "for topic " + topic + " here. See `/news-admin mention list`.");
      }
      return new Reply.Text("Stories on topic " + topic + " no longer ping "
          + (target == null ? removed + (removed == 1 ? " target" : " targets") : target.on(inv.channel().platform()))
          + " here.", true);
    }
  }

  static final class ListMentions implements BotCommand {
    private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "mention list",
        "Who stories posted here ping, by topic", List.of(), true, true);
    private final TopicMentionStore store;

    ListMentions(TopicMentionStore store) {
      this.store = store;
    }

    @Override
    public CommandSpec spec() {
      return SPEC;
    }

    @Override
    public Reply handle(Invocation inv) {
      List<TopicMention> all = store.forChannel(inv.channel());
      if (all.isEmpty()) {
        return new Reply.Text("Stories posted here ping nobody. Add a ping with `/news-admin mention add <topic> <target>`.", true);
      }
      StringBuilder sb = new StringBuilder("**Mentions here**");
      for (TopicMention m : all) sb.append("\n• ").append(m.topic()).append(" → ").append(m.target().on(inv.channel().platform()));
      return new Reply.Text(sb.toString(), true);
    }
  }
}
