package dev.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.news.NewsItem;
import dev.newswire.news.ParsedFeed;
import dev.newswire.pipeline.FeedParseException;
import dev.newswire.pipeline.FeedParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview", mixinStandardHelpOptions = true,
    description = "Parse feeds (files or http(s) URLs) and show their items, without storing anything.")
public final class PreviewCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How items are shown. */
  enum Format { items, text }

  @Option(names = "--config", paramLabel = "FILE", description = "Config file for network settings and topics")
  Path config;

  @Option(names = "--json", description = "One JSON object per source per line.")
  boolean json;

  @Option(names = "--format", defaultValue = "items", description = "items (default) or text")
  Format format;

  @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Feed file path or http(s) URL")
  List<String> sources;

  PrintStream out = System.out;

  @Override
  public Integer call() {
    NewswireConfig cfg;
    try {
      cfg = loadConfig();
    } catch (ConfigException e) {
      System.err.println("newswire: " + e.getMessage());
      return 2;
    }
    PreviewSource reader = new PreviewSource(cfg.network());
    FeedParser parser = new FeedParser();
    boolean anyFailed = false;
    for (String source : sources) {
      try {
        PreviewSource.Loaded loaded = reader.load(source);
        ParsedFeed feed = parser.parse(loaded.body(), loaded.contentType(), loaded.base());
        print(source, feed);
      } catch (PreviewSource.UnreadableSource | FeedParseException e) {
        anyFailed = true;
        printError(source, e.getMessage());
      } catch (RuntimeException e) {
        anyFailed = true;
        printError(source, "Unexpected error while reading this source (" + e + "); please report it.");
      }
    }
    out.flush();
    return anyFailed ? 2 : 0;
  }

  private NewswireConfig loadConfig() {
    ConfigLoader loader = ConfigLoader.fromSystem();
    Path path = loader.choosePath(config);
    if (config == null && !Files.exists(path)) {
      // preview works anywhere; without a config file it uses the defaults
      return new NewswireConfig(null, null, NetworkConfig.defaults(), null, null, null);
    }
    return loader.load(path);
  }

  private void print(String source, ParsedFeed feed) {
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("source", source);
      o.put("ok", true);
      o.putNull("error");
      ObjectNode f = o.putObject("feed");
      f.put("title", feed.title());
      f.put("link", feed.link());
      ArrayNode items = o.putArray("items");
      for (NewsItem i : feed.items()) items.add(itemJson(i));
      out.println(o);
      return;
    }
    out.println("== " + source + ": " + (feed.title().isBlank() ? "(untitled feed)" : feed.title())
        + " (" + feed.items().size() + " items)");
    for (NewsItem i : feed.items()) {
      if (format == Format.text) {
        out.println("━━ " + i.title());
        if (i.link() != null) out.println("   " + i.link());
        if (i.published() != null) out.println("   " + i.published());
        if (!i.summary().isBlank()) out.println("   " + i.summary());
        out.println();
      } else {
        out.println("- " + (i.published() == null ? "(no date)           " : i.published()) + "  " + i.title()
            + (i.link() == null ? "" : "  <" + i.link() + ">"));
      }
    }
  }

  static ObjectNode itemJson(NewsItem i) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", i.displayId());
    o.put("title", i.title());
    o.put("link", i.link());
    o.put("published", iso(i.published()));
    o.put("updated", iso(i.updated()));
    o.put("author", i.author());
    o.put("summary", i.summary());
    o.put("image", i.image());
    ArrayNode cats = o.putArray("categories");
    i.categories().forEach(cats::add);
    ArrayNode topics = o.putArray("topics");
    i.topics().forEach(topics::add);
    return o;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private void printError(String source, String message) {
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("source", source);
      o.put("ok", false);
      o.put("error", message);
      o.putArray("items");
      out.println(o);
    } else {
      System.err.println("newswire: " + source + ": " + message);
    }
  }
}
