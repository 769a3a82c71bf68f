package dev.newswire.command;

import dev.newswire.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.config.CommandsConfig;
import dev.newswire.news.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {
  static final ChannelRef CH = new ChannelRef("discord", "500", "600");
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

  static Invocation inv(String user, boolean admin, Map<String, Object> options) {
    return new Invocation(CH, user, "u" + user, admin, options, null);
  }

  static BotCommand echo(String path, boolean adminOnly, List<OptionSpec> options) {
    CommandSpec spec = new CommandSpec(adminOnly ? CommandSpec.ADMIN : CommandSpec.NEWS, path, "Echo", options, adminOnly, true);
    return new BotCommand() {
      public CommandSpec spec() {
        return spec;
      }

      public Reply handle(Invocation i) {
        if (i.options().containsKey("boom")) throw new IllegalStateException("kaboom");
        return new Reply.Text("ok " + i.options(), true);
      }

      public List<String> complete(String option, String partial) {
        return java.util.stream.IntStream.range(0, 40).mapToObj(n -> partial + n).toList();
      }
    };
  }

  CommandRegistry registry(int perMinute, List<String> admins) {
    return new CommandRegistry(admins, new CommandsConfig(perMinute, false), clock)
        .register(echo("latest", false, List.of(
            OptionSpec.optional("topic", OptionType.STRING, "a topic").withAutocomplete(),
            OptionSpec.optional("count", OptionType.INTEGER, "how many"))))
        .register(echo("subscribe", false, List.of(
            OptionSpec.required("target", OptionType.STRING, "topic, feed URL or all"),
            OptionSpec.optional("mode", OptionType.STRING, "when").withChoices(List.of("instant", "daily", "weekly")),
            OptionSpec.optional("boom", OptionType.BOOLEAN, "fail"))))
        .register(echo("feed add", true, List.of(OptionSpec.required("url", OptionType.STRING, "feed URL"))));
  }

  @Test
  void dispatchesAndConvertsTypes() {
    Reply r = registry(10, List.of()).dispatch("news", " Latest ", inv("1", false, Map.of("count", "3")));
    assertThat(r).isInstanceOf(Reply.Text.class);
    assertThat(((Reply.Text) r).text()).contains("count=3");
  }

  @Test
  void unknownCommandListsValidSubcommands() {
    Reply r = registry(10, List.of()).dispatch("news", "lastest", inv("1", false, Map.of()));
    assertThat(r).isInstanceOf(Reply.Error.class);
    assertThat(((Reply.Error) r).message()).contains("Unknown command /news lastest").contains("/news latest [topic] [count]")
        .contains("/news subscribe <target>");
    assertThat(((Reply.Error) r).message()).doesNotContain("feed add");
  }

  @Test
  void badArgumentsNameTheProblemAndShowUsage() {
    CommandRegistry reg = registry(100, List.of());
    String missing = ((Reply.Error) reg.dispatch("news", "subscribe", inv("1", false, Map.of()))).message();
    assertThat(missing).contains("Missing target").contains("/news subscribe <target> [mode] [boom]");
    String type = ((Reply.Error) reg.dispatch("news", "latest", inv("1", false, Map.of("count", "many")))).message();
    assertThat(type).contains("'many' is not a valid count").contains("whole number").contains("/news latest");
    String choice = ((Reply.Error) reg.dispatch("news", "subscribe",
        inv("1", false, Map.of("target", "llms", "mode", "hourly")))).message();
    assertThat(choice).contains("choose one of instant, daily, weekly");
    String unknownOpt = ((Reply.Error) reg.dispatch("news", "latest", inv("1", false, Map.of("colour", "red")))).message();
    assertThat(unknownOpt).contains("Unknown option 'colour'");
    Reply ok = reg.dispatch("news", "subscribe", inv("1", false, Map.of("target", "llms", "mode", "DAILY")));
    assertThat(((Reply.Text) ok).text()).contains("mode=daily");
  }

  @Test
  void adminOnlyIsCheckedInTheCore() {
    CommandRegistry reg = registry(100, List.of("discord:42", "77"));
    Reply refused = reg.dispatch("news-admin", "feed add", inv("1", false, Map.of("url", "https://x.example/feed")));
    assertThat(refused).isInstanceOf(Reply.Error.class);
    assertThat(((Reply.Error) refused).message()).contains("Only admins can use /news-admin feed add <url>");
    assertThat(reg.dispatch("news-admin", "feed add", inv("1", true, Map.of("url", "u")))).isInstanceOf(Reply.Text.class);
    assertThat(reg.dispatch("news-admin", "feed  ADD", inv("42", false, Map.of("url", "u")))).isInstanceOf(Reply.Text.class);
    assertThat(reg.dispatch("news-admin", "feed add", inv("77", false, Map.of("url", "u")))).isInstanceOf(Reply.Text.class);
    Invocation slack42 = new Invocation(new ChannelRef("slack", "T1", "C1"), "42", "x", false, Map.of("url", "u"), null);
    assertThat(reg.dispatch("news-admin", "feed add", slack42)).isInstanceOf(Reply.Error.class);
  }

  @Test
  void rateLimitIsPerUserAndSaysWhenToRetry() {
    CommandRegistry reg = registry(3, List.of());
    for (int i = 0; i < 3; i++) {
      assertThat(reg.dispatch("news", "latest", inv("1", false, Map.of()))).isInstanceOf(Reply.Text.class);
      clock.advance(Duration.ofSeconds(10));
    }
    Reply limited = reg.dispatch("news", "latest", inv("1", false, Map.of()));
    assertThat(((Reply.Error) limited).message()).contains("3 commands a minute").contains("try again in 30 seconds");
    assertThat(reg.dispatch("news", "latest", inv("2", false, Map.of()))).isInstanceOf(Reply.Text.class);
    clock.advance(Duration.ofSeconds(31));
    assertThat(reg.dispatch("news", "latest", inv("1", false, Map.of()))).isInstanceOf(Reply.Text.class);
  }

  @Test
  void exceptionsNeverEscape() {
    Reply r = registry(10, List.of()).dispatch("news", "subscribe", inv("1", false, Map.of("target", "x", "boom", true)));
    assertThat(((Reply.Error) r).message()).contains("Something went wrong").contains("try again");
    assertThat(registry(10, List.of()).dispatch("news", "latest", null)).isInstanceOf(Reply.Error.class);
  }

  @Test
  void autocompleteIsCappedAndSafe() {
    CommandRegistry reg = registry(10, List.of());
    assertThat(reg.autocomplete("news", "latest", "topic", "ll")).hasSize(25).first().isEqualTo("ll0");
    assertThat(reg.autocomplete("news", "nope", "topic", "ll")).isEmpty();
    assertThat(reg.specs()).hasSize(3);
  }

  @Test
  void everyDispatchIsCountedByCommandAndOutcome() {
    List<String> counted = new java.util.ArrayList<>();
    dev.newswire.pipeline.PipelineMetrics metrics = new dev.newswire.pipeline.PipelineMetrics() {
      public void pollFinished(dev.newswire.pipeline.PollOutcome outcome, Duration fetchTime) {}

      public void delivery(String platform, String result) {}

      public void command(String name, String outcome) {
        counted.add(name + ":" + outcome);
      }
    };
    CommandRegistry reg = new CommandRegistry(new Admins(List.of()), new CommandsConfig(3, false), clock, metrics)
        .register(echo("latest", false, List.of(OptionSpec.optional("count", OptionType.INTEGER, "how many"))))
        .register(echo("subscribe", false, List.of(OptionSpec.optional("boom", OptionType.BOOLEAN, "fail"))))
        .register(echo("feed add", true, List.of()));
    reg.dispatch("news", "latest", inv("1", false, Map.of()));
    reg.dispatch("news", "latest", inv("1", false, Map.of("count", "many")));
    reg.dispatch("news", "no such thing", inv("1", false, Map.of()));
    reg.dispatch("news-admin", "feed add", inv("2", false, Map.of()));
    reg.dispatch("news", "subscribe", inv("2", false, Map.of("boom", true)));
    reg.dispatch("news", "latest", inv("1", false, Map.of()));
    reg.dispatch("news", "latest", inv("1", false, Map.of()));
    assertThat(counted).containsExactly("news latest:ok", "news latest:error", "unknown:unknown",
        "news-admin feed add:denied", "news subscribe:crashed", "news latest:ok", "news latest:rate_limited");
  }
}
