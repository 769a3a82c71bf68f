package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.news.Card;
import dev.newswire.store.StoredItem;
import dev.newswire.store.StoryCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * /news search query [days]: full-text search over stored stories, most relevant first. One entry per story (its
 * best hit), with the story's other outlets under "Also covered by".
 */
public final class SearchCommand implements BotCommand {
  static final int RESULTS = 5;
  /** Hits read per wanted story: room for a story carried by several outlets. */
  static final int HITS_PER_STORY = 10;
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
    // Hits are items; several may be one story, so read enough hits for RESULTS stories.
    List<Long> hits = ctx.index().search(query, since, RESULTS * HITS_PER_STORY);
    String partial = ctx.index().catchingUp()
        ? " (the search index is still being built after a restart, so older stories may be missing; try again in"
            + " a minute)" : "";
    Map<Long, StoredItem> found = ctx.items().findAll(hits);
    // Forgotten by retention since it was indexed: skipped.
    List<StoredItem> ranked = hits.stream().map(found::get).filter(Objects::nonNull).toList();
    Map<Long, StoryCoverage> coverage = ctx.items().coverage(hits);
    List<Card> cards = new ArrayList<>();
    for (List<StoredItem> story : StoryEntries.group(ranked, coverage, RESULTS)) {
      StoredItem best = story.get(0); // a story ranks by, and shows, its most relevant item
      cards.add(StoryEntries.card(ctx, best, best.item().withTopics(ctx.classifier().classify(best.item())), coverage));
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
          + (topics.isEmpty() ? "." : " — e.g. " + topics + ".") + partial, true);
    }
    return new Reply.Cards("Results for " + query + partial, cards, true);
  }
}
