package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.command.news.CommandContext;
import dev.newswire.news.Feed;
import dev.newswire.news.NewsItem;
import dev.newswire.news.ParsedFeed;
import dev.newswire.pipeline.parse.FeedProbe;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** /news-admin feed list|add|remove|pause|resume|import. */
public final class FeedCommands {
  private FeedCommands() {}

  public static List<BotCommand> all(CommandContext ctx) {
    return List.of(new ListFeeds(ctx), new AddFeed(ctx), new RemoveFeed(ctx), new PauseFeed(ctx), new ResumeFeed(ctx),
        new FeedImportCommand(ctx));
  }

  static OptionSpec urlOption() {
    return OptionSpec.required("url", OptionType.STRING, "the feed's URL (or its name)").withAutocomplete();
  }

  abstract static class Base implements BotCommand {
    final CommandContext ctx;
    final CommandSpec spec;

    Base(CommandContext ctx, CommandSpec spec) {
      this.ctx = ctx;
      this.spec = spec;
    }

    @Override
    public CommandSpec spec() {
      return spec;
    }

    Optional<Feed> feed(Invocation inv) {
      return ctx.findFeed(inv.string("url"));
    }

    Reply.Error noSuchFeed(Invocation inv) {
      return new Reply.Error("No feed " + inv.string("url") + ". See `/news-admin feed list` for the URLs.");
    }

    @Override
    public List<String> complete(String option, String partial) {
      if (!"url".equals(option)) return List.of();
      String p = partial.toLowerCase(Locale.ROOT);
      return ctx.feeds().all().stream().filter(Feed::enabled).map(Feed::url)
          .filter(u -> u.toLowerCase(Locale.ROOT).contains(p)).toList();
    }
  }

  static final class ListFeeds extends Base {
    ListFeeds(CommandContext ctx) {
      super(ctx, new CommandSpec(CommandSpec.ADMIN, "feed list", "Every feed with its URL and health", List.of(), true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      List<Feed> feeds = ctx.feeds().all();
      if (feeds.isEmpty()) return new Reply.Text("No feeds. Add one with `/news-admin feed add <url>`.", true);
      StringBuilder sb = new StringBuilder("**Feeds** (" + feeds.size() + ")");
      for (Feed f : feeds) {
        sb.append("\n• ").append(f.label()).append(" — ").append(f.url()).append(" — ")
            .append(CommandContext.health(f)).append(f.origin().equals("chat") ? " (added in chat)" : "");
      }
      return new Reply.Text(sb.toString(), true);
    }

    @Override
    public List<String> complete(String option, String partial) {
      return List.of();
    }
  }

  static final class AddFeed extends Base {
    AddFeed(CommandContext ctx) {
      super(ctx, new CommandSpec(CommandSpec.ADMIN, "feed add", "Check a feed and start polling it",
          List.of(OptionSpec.required("url", OptionType.STRING, "http(s) URL of an RSS/Atom feed or a page that links one"),
              OptionSpec.optional("name", OptionType.STRING, "display name (default: the feed's title)")), true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      String raw = inv.string("url").strip();
      URI uri;
      try {
        uri = new URI(raw);
      } catch (Exception e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
        return new Reply.Error("'" + raw + "' is not an http(s) URL. Usage: `" + spec.usage() + "`");
      }
      Optional<Feed> existing = ctx.feeds().findByUrl(raw);
      if (existing.isPresent() && existing.get().enabled()) {
        return new Reply.Error(existing.get().label() + " is already polled (" + CommandContext.health(existing.get()) + ").");
      }
      FeedProbe.Result probe = ctx.probe().probe(uri);
      if (!probe.ok()) {
        if (!probe.alternates().isEmpty()) {
          StringBuilder sb = new StringBuilder("That page is not a feed, but it links to "
              + (probe.alternates().size() == 1 ? "this feed" : "these feeds") + ":");
          for (String a : probe.alternates()) sb.append("\n• `/news-admin feed add ").append(a).append('`');
          return new Reply.Error(sb.toString());
        }
        return new Reply.Error("Cannot add " + raw + ": " + probe.error());
      }
      ParsedFeed parsed = probe.feed();
      String name = inv.string("name") != null ? inv.string("name") : parsed.title().isBlank() ? null : parsed.title();
      Feed feed = ctx.feeds().addFromChat(raw, name);
      ctx.schedule().feedAdded(feed);
      StringBuilder sb = new StringBuilder("Added **" + feed.label() + "** (" + parsed.items().size() + " items now)."
          + " Its first poll is a silent baseline; new stories after that are posted to subscribed channels.");
      DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
      parsed.items().stream()
          .sorted(Comparator.comparing(NewsItem::bestTime, Comparator.nullsLast(Comparator.reverseOrder())))
          .limit(3)
          .forEach(i -> sb.append("\n• ").append(i.title().isBlank() ? "(untitled)" : i.title())
              .append(i.bestTime() == null ? "" : " — " + day.format(i.bestTime())));
      return new Reply.Text(sb.toString(), true);
    }

    @Override
    public List<String> complete(String option, String partial) {
      return List.of();
    }
  }

  static final class RemoveFeed extends Base {
    RemoveFeed(CommandContext ctx) {
      super(ctx, new CommandSpec(CommandSpec.ADMIN, "feed remove", "Stop polling a feed (its history is kept)",
          List.of(urlOption()), true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      Feed f = feed(inv).orElse(null);
      if (f == null) return noSuchFeed(inv);
      if (!f.enabled()) return new Reply.Error(f.label() + " is not polled already.");
      ctx.feeds().setEnabled(f.id(), false);
      ctx.schedule().feedRemoved(f.id());
      return new Reply.Text("Removed **" + f.label() + "**; it is no longer polled." + (f.origin().equals("config")
          ? " It is listed in the config file: remove it there too, or it comes back at the next restart." : ""), true);
    }
  }

  static final class PauseFeed extends Base {
    PauseFeed(CommandContext ctx) {
      super(ctx, new CommandSpec(CommandSpec.ADMIN, "feed pause", "Pause polling a feed until resumed",
          List.of(urlOption()), true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      Feed f = feed(inv).orElse(null);
      if (f == null) return noSuchFeed(inv);
      if (f.paused()) return new Reply.Error(f.label() + " is paused already: " + f.health().pausedReason());
      ctx.feeds().pause(f.id(), "Paused by " + (inv.userName() == null ? inv.userId() : inv.userName())
          + " on " + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(ctx.clock().instant())
          + ". Resume with /news-admin feed resume " + f.url());
      return new Reply.Text("Paused **" + f.label() + "**. Resume with `/news-admin feed resume " + f.url() + "`.", true);
    }
  }

  static final class ResumeFeed extends Base {
    ResumeFeed(CommandContext ctx) {
      super(ctx, new CommandSpec(CommandSpec.ADMIN, "feed resume", "Resume a paused or failing feed now",
          List.of(urlOption()), true, true));
    }

    @Override
    public Reply handle(Invocation inv) {
      Feed f = feed(inv).orElse(null);
      if (f == null) return noSuchFeed(inv);
      if (!f.enabled()) {
        return new Reply.Error(f.label() + " was removed; add it again with `/news-admin feed add " + f.url() + "`.");
      }
      ctx.feeds().resume(f.id());
      return new Reply.Text("Resumed **" + f.label() + "**; it is polled at its next tick.", true);
    }
  }
}
