package dev.newswire.pipeline.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared external test corpus, read in place from {@code ../shared/corpus} (never copied into the repo).
 * Tests that need it are skipped, not failed, on machines without it.
 */
public final class Corpus {

  public static final Path ROOT = Path.of("../shared/corpus");

  private Corpus() {}

  /** The corpus sub-directory, or a skipped test when the corpus is not checked out next to the repo. */
  public static Path dir(String name) {
    Path dir = ROOT.resolve(name);
    assumeTrue(Files.isDirectory(dir),
        "External feed corpus not found at " + dir.toAbsolutePath().normalize()
            + " (expected ../shared/corpus relative to the repo root); skipping corpus tests.");
    return dir;
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
