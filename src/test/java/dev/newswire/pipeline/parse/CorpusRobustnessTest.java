package dev.newswire.pipeline.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every feed file in the shared corpus goes through {@link FeedParser#parse}: the only acceptable failure is a
 * {@link FeedParseException} with an admin-readable message. Anything else (NPE inside Rome, StackOverflowError,
 * a raw exception text) is a bug that would take down a polling job.
 */
class CorpusRobustnessTest {

  private static final long MAX_MILLIS_PER_FILE = 5_000;

  private final FeedParser parser = new FeedParser();

  @Test
  void everyCorpusFileParsesOrFailsCleanly() {
    Corpus.dir("");
    List<String> crashes = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    int parsed = 0;
    int rejected = 0;
    long slowest = 0;
    for (String suite : List.of("feedparser", "rome", "real")) {
      for (Path file : feedFiles(Corpus.ROOT.resolve(suite))) {
        long start = System.nanoTime();
        try {
          parser.parse(Corpus.read(file), null, null);
          parsed++;
        } catch (FeedParseException e) {
          rejected++;
          rejections.add(Corpus.ROOT.relativize(file) + ": " + e.getMessage());
          if (e.getMessage() == null || e.getMessage().contains("Exception") || e.getMessage().contains("\tat ")) {
            crashes.add(file + ": unreadable message: " + e.getMessage());
          }
        } catch (RuntimeException | Error e) {
          crashes.add(file + ": " + e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        slowest = Math.max(slowest, millis);
        if (millis > MAX_MILLIS_PER_FILE) {
          crashes.add(file + ": took " + millis + " ms");
        }
      }
    }
    System.out.printf("=== corpus robustness ===%n  files parsed: %d, rejected with FeedParseException: %d, "
        + "crashes: %d, slowest: %d ms%n", parsed, rejected, crashes.size(), slowest);
    rejections.forEach(r -> System.out.println("  rejected " + r));
    crashes.forEach(c -> System.out.println("  CRASH " + c));
    assertThat(crashes).isEmpty();
    assertThat(parsed).isPositive();
  }

  private static List<Path> feedFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".tsv"))
          .filter(p -> !p.getFileName().toString().equals("LICENSE"))
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
