package dev.newswire.command.news;

import dev.newswire.command.Reply;
import dev.newswire.config.TopicConfig;
import java.util.List;

/** Topic lookups shared by latest, subscribe, search and mention. */
public final class Topics {
  private Topics() {}

  public static List<String> ids(CommandContext ctx) {
    return ctx.taxonomy().topics().stream().map(TopicConfig::id).toList();
  }

  /** Null when the topic exists, else an error with the closest topic ids. */
  public static Reply.Error unknown(CommandContext ctx, String topic, String usage) {
    if (ctx.taxonomy().byId(topic).isPresent()) return null;
    List<String> close = Text.closest(topic, ids(ctx), 3);
    return new Reply.Error("There is no topic '" + topic + "'."
        + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close.stream().map(c -> "`" + c + "`").toList()) + "?")
        + " See all topics with `/news topics`. Usage: `" + usage + "`");
  }
}
