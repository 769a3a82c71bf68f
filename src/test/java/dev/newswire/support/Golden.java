package dev.newswire.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a checked-in file under src/test/resources/golden. Run with
 * {@code -Dgolden.update=true} to rewrite the files after an intended change, then review the diff.
 */
public final class Golden {

  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Golden() {}

  public static void assertJson(String name, JsonNode actual) {
    try {
      assertText(name, JSON.writeValueAsString(actual) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void assertText(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file missing; run once with -Dgolden.update=true and review it").exists();
      assertThat(actual).as("golden file %s (rerun with -Dgolden.update=true if the change is intended)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
