package dev.newswire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real feed snapshots (shared/corpus/real), as bytes. */
public record BenchCorpus(Path dir, List<Feed> feeds) {

  /** One snapshot. */
  public record Feed(String name, byte[] bytes) {}

  static final List<Path> CANDIDATES = List.of(Path.of("..", "shared", "corpus", "real"),
      Path.of("shared", "corpus", "real"));

  public static Path locate(Path given) {
    if (given != null) {
      return given;
    }
    for (Path p : CANDIDATES) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("No feed corpus found at " + CANDIDATES + "; pass --corpus DIR");
  }

  public static BenchCorpus load(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Feed> feeds = files.filter(f -> f.toString().endsWith(".xml")).sorted()
          .map(f -> new Feed(dir.relativize(f).toString(), read(f))).toList();
      if (feeds.isEmpty()) {
        throw new IllegalStateException("No .xml feeds under " + dir);
      }
      return new BenchCorpus(dir, feeds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long totalBytes() {
    return feeds.stream().mapToLong(f -> f.bytes().length).sum();
  }
}
