package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.news.Feed;
import dev.newswire.subscription.Subscription;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** /news subscribe target [mode] [time] [timezone]: this channel receives a topic, a feed, or everything. */
public final class SubscribeCommand implements BotCommand {
  static final List<String> MODES = List.of("instant", "daily", "weekly");
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "subscribe",
      "Send a topic, a feed or all stories to this channel",
      List.of(OptionSpec.required("target", OptionType.STRING, "topic id, feed URL, or all").withAutocomplete(),
          OptionSpec.optional("mode", OptionType.STRING, "instant (default), daily or weekly digest").withChoices(MODES),
          OptionSpec.optional("time", OptionType.STRING, "digest time, HH:mm (default 09:00)"),
          OptionSpec.optional("timezone", OptionType.STRING, "digest time zone, e.g. Europe/Berlin (default UTC)")),
      false, false);
  private final CommandContext ctx;

  public SubscribeCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  /** Null when the caller may change subscriptions here. */
  static Reply.Error permission(CommandContext ctx, Invocation inv, String usage) {
    if (ctx.config().commands().allowMembersToSubscribe() || ctx.admins().isAdmin(inv)) return null;
    return new Reply.Error("Only admins can change what this channel receives (`" + usage + "`). Ask an admin, or an"
        + " admin can let everyone do it with `commands.allowMembersToSubscribe: true` in the config.");
  }

  /** (kind, target) for what was typed, or an error. */
  static Object[] target(CommandContext ctx, String raw, String usage) {
    String t = raw.strip();
    if (t.equalsIgnoreCase("all") || t.equals("*")) return new Object[] {Subscription.ALL, Subscription.ALL_TARGET};
    if (t.startsWith("http://") || t.startsWith("https://")) {
      Feed f = ctx.feeds().findByUrl(t).orElse(null);
      if (f == null || !f.enabled()) {
        return new Object[] {new Reply.Error("The bot does not read " + t + ". See `/news sources`; an admin can add it"
            + " with `/news-admin feed add " + t + "`.")};
      }
      return new Object[] {Subscription.FEED, f.url()};
    }
    String topic = CommandContext.lower(t);
    Reply.Error unknown = Topics.unknown(ctx, topic, usage);
    if (unknown != null) return new Object[] {unknown};
    return new Object[] {Subscription.TOPIC, topic};
  }

  @Override
  public Reply handle(Invocation inv) {
    Reply.Error denied = permission(ctx, inv, SPEC.usage());
    if (denied != null) return denied;
    Object[] kt = target(ctx, inv.string("target"), SPEC.usage());
    if (kt[0] instanceof Reply.Error e) return e;
    String mode = inv.string("mode") == null ? "instant" : inv.string("mode");
    String time = inv.string("time");
    String zone = inv.string("timezone");
    if (mode.equals("instant") && (time != null || zone != null)) {
      return new Reply.Error("time and timezone are for daily or weekly digests; add mode daily or weekly."
          + " Usage: `" + SPEC.usage() + "`");
    }
    if (time != null && !time.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
      return new Reply.Error("'" + time + "' is not a time like 09:00 (24-hour HH:mm). Usage: `" + SPEC.usage() + "`");
    }
    if (zone != null) {
      try {
        zone = ZoneId.of(zone).getId();
      } catch (DateTimeException e) {
        return new Reply.Error("'" + zone + "' is not a time zone; use a name like Europe/Berlin, America/New_York or UTC.");
      }
    }
    if (!mode.equals("instant")) {
      if (time == null) time = "09:00";
      if (zone == null) zone = "UTC";
    }
    Subscription s = ctx.subscriptions().upsert(Subscription.of(inv.channel(), (String) kt[0], (String) kt[1], mode, time, zone));
    String note = mode.equals("instant") ? "New stories are posted here as they arrive."
        : "A digest of the top stories is posted here " + (mode.equals("weekly") ? "every Monday" : "every day")
            + " at " + time + " " + zone + ".";
    return new Reply.Text("Subscribed this channel to " + s.describe() + ". " + note, false);
  }

  @Override
  public List<String> complete(String option, String partial) {
    if (!"target".equals(option)) return List.of();
    List<String> all = new ArrayList<>(Topics.ids(ctx));
    all.add("all");
    ctx.feeds().all().stream().filter(Feed::enabled).forEach(f -> all.add(f.url()));
    return Text.startingWith(all, partial);
  }
}
