package dev.newswire.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.config.FeedConfig;
import dev.newswire.fakes.FakeFeedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consecutive real polls of the same feed (../shared/corpus/real/series and the two OpenAI snapshots) served one after
 * the other: the bot posts exactly the ids POLL_DIFFS.tsv lists as new, and nothing for re-ordered items.
 */
class CorpusSeriesScenarioTest {
  static final Path REAL = Path.of("../shared/corpus/real");

  record Diff(String previous, String current, int newCount, Set<String> newKeys) {}

  static List<Diff> diffs() throws Exception {
    Path tsv = REAL.resolve("series/POLL_DIFFS.tsv");
    if (!Files.exists(tsv)) return List.of(new Diff("", "", -1, Set.of()));
    return Files.readAllLines(tsv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
      String[] c = l.split("\t", -1);
      Set<String> keys = c.length > 8 && !c[8].isBlank() ? new HashSet<>(Arrays.asList(c[8].split("\\|"))) : Set.of();
      return new Diff(c[0], c[1], Integer.parseInt(c[5]), keys);
    }).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diffs")
  void postsExactlyTheNewItems(Diff diff) throws Exception {
    assumeTrue(diff.newCount() >= 0, "corpus not found at ../shared/corpus; series scenarios skipped");
    try (FakeFeedServer server = FakeFeedServer.start()) {
      server.feed("/feed.xml", Files.readAllBytes(REAL.resolve(diff.previous())));
      try (BotHarness bot = new BotHarness(List.of(new FeedConfig(server.url("/feed.xml").toString(), "series", null, true)))) {
        assertThat(bot.poll()).isEmpty();
        server.feed("/feed.xml", Files.readAllBytes(REAL.resolve(diff.current())));
        List<JsonNode> posts = bot.poll();
        System.out.printf("series %s -> %s: expected %d new, posted %d%n", diff.previous(), diff.current(),
            diff.newCount(), posts.size());
        assertThat(posts).hasSize(diff.newCount());
        Set<String> ids = posts.stream().map(p -> p.get("id").asText()).collect(Collectors.toSet());
        Set<String> expected = diff.newKeys().stream().filter(k -> !k.isBlank()).collect(Collectors.toSet());
        if (!expected.isEmpty()) {
          assertThat(ids.stream().map(CorpusSeriesScenarioTest::tail).collect(Collectors.toSet()))
              .containsExactlyInAnyOrderElementsOf(expected.stream().map(CorpusSeriesScenarioTest::tail).toList());
        }
        assertThat(bot.poll()).as("a third identical poll posts nothing").isEmpty();
      }
    }
  }

  /** Ids in POLL_DIFFS are bare hashes; feeds may wrap them (urn:…:hash). */
  private static String tail(String id) {
    int i = Math.max(id.lastIndexOf(':'), id.lastIndexOf('/'));
    return i >= 0 ? id.substring(i + 1) : id;
  }
}
