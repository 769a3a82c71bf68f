package dev.newswire.command.admin;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.command.news.CommandContext;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.DeliveryResult;
import dev.newswire.delivery.Story;
import dev.newswire.news.NewsItem;
import dev.newswire.pipeline.parse.FeedProbe;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * /news-admin feed test: fetches a feed through the same guarded fetcher as polling and posts its newest item to
 * this channel now, so an admin sees the card before subscribing. Stores nothing.
 */
public final class FeedTestCommand implements BotCommand {
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.ADMIN, "feed test",
      "Post the newest item of a feed here now, to check its card",
      List.of(OptionSpec.required("url", OptionType.STRING, "the feed's http(s) URL")), true, true);

  private final CommandContext ctx;
  /** Supplied late: the platforms are built after the commands are registered. */
  private final Supplier<Map<String, ChatPlatform>> platforms;

  public FeedTestCommand(CommandContext ctx, Supplier<Map<String, ChatPlatform>> platforms) {
    this.ctx = ctx;
    this.platforms = platforms;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    String raw = inv.string("url").trim();
    URI uri;
    try {
      uri = new URI(raw);
      if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
        return new Reply.Error("'" + raw + "' is not an http(s) URL. Usage: " + SPEC.usage());
      }
    } catch (Exception e) {
      return new Reply.Error("'" + raw + "' is not a valid URL. Usage: " + SPEC.usage());
    }
    FeedProbe.Result probe = ctx.probe().probe(uri);
    if (!probe.ok()) return new Reply.Error("Cannot test " + raw + ": " + probe.error());
    Optional<NewsItem> newest = newest(probe.feed().items());
    if (newest.isEmpty()) return new Reply.Error(raw + " is a feed, but it has no items yet.");
    ChatPlatform platform = platforms.get().get(inv.channel().platform());
    if (platform == null) return new Reply.Error("This platform is not connected; the test card cannot be posted.");
    NewsItem item = newest.get().withTopics(ctx.classifier().classify(newest.get()));
    String source = probe.feed().title().isBlank() ? raw : probe.feed().title();
    // A negative id keeps test posts apart from outbox deliveries in the platforms' idempotency keys.
    long testId = -ctx.clock().millis();
    DeliveryResult r = platform.deliver(new Story(testId, raw, source, item, ctx.enricher().enrich(item, source, null)),
        inv.channel());
    if (r instanceof DeliveryResult.Sent) {
      return new Reply.Text("Posted the newest item of " + source + " here: " + item.title(), true);
    }
    if (r instanceof DeliveryResult.Failed f) return new Reply.Error("The test card could not be posted: " + f.reason());
    return new Reply.Error("The platform is busy (" + ((DeliveryResult.RetryLater) r).reason() + "); try again in a minute.");
  }

  private static Optional<NewsItem> newest(List<NewsItem> items) {
    if (items.isEmpty()) return Optional.empty();
    boolean allDated = items.stream().allMatch(i -> i.bestTime() != null);
    if (!allDated) return Optional.of(items.get(0)); // feeds list newest first
    return items.stream().max(Comparator.comparing(NewsItem::bestTime));
  }
}
