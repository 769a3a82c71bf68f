package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.news.Card;
import dev.newswire.store.StoredItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** /news search query [days]: full-text search over stored stories, most relevant first. */
public final class SearchCommand implements BotCommand {
  static final int RESULTS = 5;
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "search",
      "Search stored stories; \"quotes\" for a phrase",
      List.of(OptionSpec.required("query", OptionType.STRING, "words or a \"phrase in quotes\""),
          OptionSpec.optional("days", OptionType.INTEGER, "only the last N days (1 to 365)")),
      false, true);
  private final CommandContext ctx;

  public SearchCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    String query = inv.string("query");
    if (query.length() > 200) return new Reply.Error("The query is too long; use at most 200 characters.");
    Long days = inv.integer("days");
    if (days != null && (days < 1 || days > 365)) return new Reply.Error("days must be between 1 and 365. Usage: `" + SPEC.usage() + "`");
    Instant since = days == null ? null : ctx.clock().instant().minus(Duration.ofDays(days));
    List<Card> cards = new ArrayList<>();
    for (long id : ctx.index().search(query, since, RESULTS * 2)) {
      if (cards.size() >= RESULTS) break;
      StoredItem s = ctx.items().find(id).orElse(null);
      if (s == null) continue; // forgotten by retention since it was indexed
      cards.add(ctx.enricher().enrich(s.item().withTopics(ctx.classifier().classify(s.item())), s.feedName(), null));
    }
    if (cards.isEmpty()) {
      Set<String> suggestions = new LinkedHashSet<>();
      for (String word : query.replaceAll("[\"()]", " ").split("\\s+")) {
        if (!word.isBlank()) suggestions.addAll(Text.closest(word, Topics.ids(ctx), 2));
      }
      String topics = suggestions.isEmpty() ? String.join(", ", Topics.ids(ctx).stream().limit(8).toList())
          : String.join(", ", suggestions.stream().limit(4).toList());
      return new Reply.Text("No stories match " + query + (days == null ? "" : " in the last " + days + " days")
          + ". Try fewer or other words, or browse a topic with `/news latest <topic>`"
          + (topics.isEmpty() ? "." : " — e.g. " + topics + "."), true);
    }
    return new Reply.Cards("Results for " + query, cards, true);
  }
}
