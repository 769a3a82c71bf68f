package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.Reply;
import dev.newswire.command.news.CommandContext;
import dev.newswire.news.Feed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** /news-admin status: feeds, last poll, stories today, deliveries. */
public final class StatusCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "status",
      "Feeds, last poll, stories today, deliveries pending and failed", List.of(), true, true);
  private final CommandContext ctx;

  public StatusCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    List<Feed> enabled = ctx.feeds().all().stream().filter(Feed::enabled).toList();
    List<Feed> paused = enabled.stream().filter(Feed::paused).toList();
    List<Feed> failing = enabled.stream().filter(f -> !f.paused() && f.health().consecutiveFailures() > 0).toList();
    long ok = enabled.size() - paused.size() - failing.size();
    Instant lastPoll = enabled.stream().map(f -> f.health().lastPolledAt()).filter(Objects::nonNull)
        .max(Instant::compareTo).orElse(null);
    Instant today = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    StringBuilder sb = new StringBuilder("**Status**");
    sb.append("\n• Feeds: ").append(enabled.size()).append(" (").append(ok).append(" ok, ").append(failing.size())
        .append(" failing, ").append(paused.size()).append(" paused)");
    sb.append("\n• Last poll: ").append(lastPoll == null ? "none yet" : lastPoll.toString());
    sb.append("\n• Stories first seen today (UTC): ").append(ctx.items().countFirstSeenSince(today));
    sb.append("\n• Deliveries: ").append(ctx.deliveries().countByStatus("PENDING")).append(" pending, ")
        .append(ctx.deliveries().countByStatus("FAILED")).append(" failed");
    for (Feed f : failing) sb.append("\n• failing: ").append(f.label()).append(" — ").append(CommandContext.health(f));
    for (Feed f : paused) sb.append("\n• paused: ").append(f.label()).append(" — ").append(CommandContext.health(f));
    return new Reply.Text(sb.toString(), true);
  }
}
