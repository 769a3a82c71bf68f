package dev.newswire.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.command.TextInvocationParser.Parsed;
import dev.newswire.command.TextInvocationParser.Result;
import dev.newswire.command.TextInvocationParser.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextInvocationParserTest {

  static final List<CommandSpec> SPECS = List.of(
      new CommandSpec("news", "latest", "Latest stories", List.of(
          OptionSpec.optional("topic", OptionType.STRING, "Topic id").withAutocomplete(),
          OptionSpec.optional("count", OptionType.INTEGER, "How many (1-10)")), false, true),
      new CommandSpec("news", "search", "Search recent stories", List.of(
          OptionSpec.required("query", OptionType.STRING, "Words to look for"),
          OptionSpec.optional("count", OptionType.INTEGER, "How many")), false, true),
      new CommandSpec("news", "subscribe", "Subscribe this channel", List.of(
          OptionSpec.optional("topic", OptionType.STRING, "Topic id"),
          OptionSpec.optional("digest", OptionType.STRING, "How often").withChoices(List.of("off", "daily", "weekly")),
          OptionSpec.optional("quiet", OptionType.BOOLEAN, "No notifications")), false, false),
      new CommandSpec("news-admin", "feed add", "Add a feed", List.of(
          OptionSpec.required("url", OptionType.STRING, "Feed URL"),
          OptionSpec.optional("name", OptionType.STRING, "Display name")), true, true),
      new CommandSpec("news-admin", "feed remove", "Remove a feed", List.of(
          OptionSpec.required("feed", OptionType.STRING, "Feed id or URL")), true, true),
      new CommandSpec("news-admin", "status", "Bot status", List.of(), true, true));

  final TextInvocationParser parser = new TextInvocationParser(SPECS);

  Parsed ok(String group, String text) {
    Result r = parser.parse(group, text);
    assertThat(r).as(text).isInstanceOf(Parsed.class);
    return (Parsed) r;
  }

  String usage(String group, String text) {
    Result r = parser.parse(group, text);
    assertThat(r).as(text).isInstanceOf(Usage.class);
    return ((Usage) r).message();
  }

  @Test
  void positionalInSpecOrderWithIntegers() {
    Parsed p = ok("news", "latest llm 5");
    assertThat(p.group()).isEqualTo("news");
    assertThat(p.path()).isEqualTo("latest");
    assertThat(p.options()).isEqualTo(Map.of("topic", "llm", "count", 5L));
    assertThat(ok("news", "latest").options()).isEmpty();
    assertThat(ok("news", "  LATEST   ").path()).isEqualTo("latest");
  }

  @Test
  void quotedStrings() {
    assertThat(ok("news", "search \"mixture of experts\" 7").options())
        .isEqualTo(Map.of("query", "mixture of experts", "count", 7L));
    assertThat(ok("news", "search \u201Cmixture of experts\u201D").options()).isEqualTo(Map.of("query", "mixture of experts"));
    assertThat(ok("news", "search 'a b'").options()).isEqualTo(Map.of("query", "a b"));
    assertThat(ok("news", "search don't").options()).isEqualTo(Map.of("query", "don't"));
    assertThat(usage("news", "search \"open")).contains("quote is not closed");
  }

  @Test
  void namedPairsAndMixedOrder() {
    assertThat(ok("news", "subscribe topic:chips").options()).isEqualTo(Map.of("topic", "chips"));
    assertThat(ok("news", "latest count:3 llm").options()).isEqualTo(Map.of("topic", "llm", "count", 3L));
    assertThat(ok("news", "search query:\"two words\" count:2").options())
        .isEqualTo(Map.of("query", "two words", "count", 2L));
    assertThat(ok("news", "subscribe digest:Daily quiet:yes").options())
        .isEqualTo(Map.of("digest", "daily", "quiet", true));
  }

  @Test
  void twoWordPathsAndUrlsAreNotNamedPairs() {
    Parsed p = ok("news-admin", "admin feed add https://x/feed.xml \"My name\"".substring("admin ".length()));
    assertThat(p.path()).isEqualTo("feed add");
    assertThat(p.options()).isEqualTo(Map.of("url", "https://x/feed.xml", "name", "My name"));
    assertThat(p.spec().adminOnly()).isTrue();
  }

  @Test
  void errorsComeFromTheSpec() {
    assertThat(usage("news", "latest llm five")).contains("'count' must be a whole number").contains("Usage: `/news latest [topic] [count]`");
    assertThat(usage("news", "search")).contains("Missing <query>").contains("/news search <query> [count]");
    assertThat(usage("news", "subscribe digest:hourly")).contains("one of: off, daily, weekly");
    assertThat(usage("news", "subscribe quiet:maybe")).contains("true or false");
    assertThat(usage("news", "latest a 1 extra")).contains("Unexpected 'extra'");
    assertThat(usage("news", "latest count:1 count:2")).contains("given twice");
    assertThat(usage("news", "latest help")).startsWith("Usage: `/news latest");
  }

  @Test
  void unknownSubcommandAndHelpListTheSubcommands() {
    String unknown = usage("news", "lastest");
    assertThat(unknown).startsWith("Unknown subcommand 'lastest'.").contains("/news latest [topic] [count]")
        .contains("/news search <query> [count]").contains("/news subscribe").doesNotContain("news-admin");
    assertThat(usage("news", "help")).startsWith("Commands for /news:").contains("Latest stories");
    assertThat(usage("news", "")).startsWith("Commands for /news:");
    assertThat(usage("news-admin", "feed")).contains("needs a subcommand").contains("/news-admin feed add <url> [name]")
        .contains("/news-admin feed remove <feed>").doesNotContain("status");
    assertThat(usage("news-admin", "feed zap")).contains("Unknown subcommand 'feed zap'");
    assertThat(usage("other", "x")).contains("No /other commands");
  }

  @Test
  void hintListsFirstWords() {
    assertThat(TextInvocationParser.hint(SPECS.subList(3, 6))).isEqualTo("feed | status | help");
  }

  @Test
  void mentionWithoutAddIsTheIssuesShorthandForMentionAdd() {
    List<CommandSpec> specs = List.of(
        new CommandSpec("news-admin", "mention add", "Ping", List.of(
            OptionSpec.required("topic", OptionType.STRING, "Topic id"),
            OptionSpec.required("target", OptionType.MENTIONABLE, "Who")), true, true),
        new CommandSpec("news-admin", "mention list", "List", List.of(), true, true));
    TextInvocationParser mentions = new TextInvocationParser(specs);
    Parsed shorthand = (Parsed) mentions.parse("news-admin", "mention llms <!subteam^S0TEAM|@ml-team>");
    assertThat(shorthand.path()).isEqualTo("mention add");
    assertThat(shorthand.options()).isEqualTo(Map.of("topic", "llms", "target", "<!subteam^S0TEAM|@ml-team>"));
    assertThat(((Parsed) mentions.parse("news-admin", "mention add llms <@U0ALICE>")).options())
        .isEqualTo(Map.of("topic", "llms", "target", "<@U0ALICE>"));
    assertThat(((Parsed) mentions.parse("news-admin", "mention list")).path()).isEqualTo("mention list");
    assertThat(((Usage) mentions.parse("news-admin", "mention")).message()).contains("needs a subcommand");
    // Only mention has the shorthand: feed zap stays an unknown subcommand.
    assertThat(usage("news-admin", "feed zap")).contains("Unknown subcommand 'feed zap'");
  }
}
