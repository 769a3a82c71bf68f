package dev.newswire.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.config.TopicConfig;
import dev.newswire.news.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the shipped default taxonomy from config/newswire.yaml, so tests exercise the keywords users actually get. */
public final class Topics {

  public static final Path EXAMPLE = Path.of("config", "newswire.yaml");
  private static Taxonomy example;

  private Topics() {}

  public static synchronized Taxonomy example() {
    if (example == null) {
      try {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode root = yaml.readTree(EXAMPLE.toFile());
        List<TopicConfig> topics = new ArrayList<>();
        for (JsonNode node : root.get("topics")) {
          topics.add(yaml.treeToValue(node, TopicConfig.class));
        }
        example = new Taxonomy(topics);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return example;
  }
}
