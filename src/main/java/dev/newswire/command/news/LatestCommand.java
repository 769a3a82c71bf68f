package dev.newswire.command.news;

import dev.newswire.command.BotCommand;
import dev.newswire.command.CommandSpec;
import dev.newswire.command.Invocation;
import dev.newswire.command.OptionSpec;
import dev.newswire.command.OptionType;
import dev.newswire.command.Reply;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.store.StoredItem;
import dev.newswire.store.StoryCoverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /news latest [topic] [count]: the newest stored stories, optionally on one topic. One entry per story: the
 * outlets of a cluster collapse into its newest report, with the others under "Also covered by".
 */
public final class LatestCommand implements BotCommand {
  static final int DEFAULT = 5;
  static final int MAX = 10;
  /** Stories looked at when filtering by topic: the newest few hundred are plenty for "latest". */
  static final int SCAN = 300;
  /** Items read per wanted story without a topic: room for a story carried by several outlets. */
  static final int ITEMS_PER_STORY = 10;
  private static final CommandSpec SPEC = new CommandSpec(CommandSpec.NEWS, "latest", "The newest stories, optionally on one topic",
      List.of(OptionSpec.optional("topic", OptionType.STRING, "topic id, e.g. llms (see /news topics)").withAutocomplete(),
          OptionSpec.optional("count", OptionType.INTEGER, "how many, 1 to " + MAX + " (default " + DEFAULT + ")")),
      false, true);
  private final CommandContext ctx;

  public LatestCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Reply handle(Invocation inv) {
    long count = inv.integer("count") == null ? DEFAULT : inv.integer("count");
    if (count < 1 || count > MAX) {
      return new Reply.Error("count must be between 1 and " + MAX + ". Usage: `" + SPEC.usage() + "`");
    }
    String topic = inv.string("topic") == null ? null : CommandContext.lower(inv.string("topic"));
    if (topic != null) {
      Reply.Error unknown = Topics.unknown(ctx, topic, SPEC.usage());
      if (unknown != null) return unknown;
    }
    // Items, not stories, come back from the store: read enough that a story carried by several outlets still
    // leaves room for count stories.
    List<StoredItem> stored = ctx.items().latest(topic == null ? (int) Math.min(SCAN, count * ITEMS_PER_STORY) : SCAN);
    Map<Long, NewsItem> classified = new HashMap<>();
    List<StoredItem> matching = new ArrayList<>();
    for (StoredItem s : stored) {
      NewsItem item = s.item().withTopics(ctx.classifier().classify(s.item()));
      if (topic != null && !item.topics().contains(topic)) continue;
      classified.put(s.id(), item);
      matching.add(s);
    }
    Map<Long, StoryCoverage> coverage = ctx.items().coverage(matching.stream().map(StoredItem::id).toList());
    List<Card> cards = new ArrayList<>();
    for (List<StoredItem> story : StoryEntries.group(matching, coverage, (int) count)) {
      // The story's newest item: "latest" shows what was just reported (the first report may be an old baseline
      // item of the same feed that no channel ever got), with the other outlets under "Also covered by".
      StoredItem shown = story.get(0);
      cards.add(StoryEntries.card(ctx, shown, classified.get(shown.id()), coverage));
    }
    if (cards.isEmpty()) {
      return new Reply.Text(topic == null ? "No stories stored yet; the first poll of each feed is a silent baseline,"
          + " so stories appear after the next poll." : "No recent stories on " + ctx.taxonomy().displayName(topic) + ".", true);
    }
    String heading = "Latest " + (topic == null ? "stories" : "on " + ctx.taxonomy().displayName(topic));
    return new Reply.Cards(heading, cards, true);
  }

  @Override
  public List<String> complete(String option, String partial) {
    return "topic".equals(option) ? Text.startingWith(Topics.ids(ctx), partial) : List.of();
  }
}
