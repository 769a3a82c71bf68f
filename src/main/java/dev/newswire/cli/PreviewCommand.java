package dev.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.config.ConfigException;
import dev.newswire.config.ConfigLoader;
import dev.newswire.config.NetworkConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.delivery.DiscordRenderer;
import dev.newswire.delivery.SlackRenderer;
import dev.newswire.delivery.TextRenderer;
import dev.newswire.news.Card;
import dev.newswire.news.NewsItem;
import dev.newswire.news.Taxonomy;
import dev.newswire.App;
import dev.newswire.pipeline.card.StoryEnricher;
import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.news.ParsedFeed;
import dev.newswire.pipeline.parse.FeedParseException;
import dev.newswire.pipeline.parse.FeedParser;
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

  /** How items are shown: a list, text cards, or the exact Discord/Slack message bodies. */
  enum Format { items, text, discord, slack }

  @Option(names = "--config", paramLabel = "FILE", description = "Config file for network settings and topics")
  Path config;

  @Option(names = "--json", description = "One JSON object per source per line.")
  boolean json;

  @Option(names = "--format", defaultValue = "items",
      description = "items (default), text (cards as the console shows them), discord or slack (one JSON message body per item, exactly as it would be sent)")
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
    Taxonomy taxonomy = new Taxonomy(cfg.topics());
    TopicClassifier classifier = new TopicClassifier(taxonomy);
    StoryEnricher enricher = App.enricherFor(cfg, java.time.Clock.systemUTC());
    boolean anyFailed = false;
    for (String source : sources) {
      try {
        PreviewSource.Loaded loaded = reader.load(source);
        ParsedFeed parsed = parser.parse(loaded.body(), loaded.contentType(), loaded.base());
        List<NewsItem> classified = parsed.items().stream().map(i -> i.withTopics(classifier.classify(i))).toList();
        ParsedFeed feed = new ParsedFeed(parsed.title(), parsed.link(), parsed.feedType(), classified);
        if (!json && (format == Format.text || format == Format.discord || format == Format.slack)) {
          printCards(source, feed, enricher);
        } else {
          print(source, feed);
        }
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
      return NewswireConfig.defaults();
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
      out.println("- " + (i.published() == null ? "(no date)           " : i.published()) + "  " + i.title()
          + (i.link() == null ? "" : "  <" + i.link() + ">")
          + (i.topics().isEmpty() ? "" : "  [" + String.join(", ", i.topics()) + "]"));
    }
  }

  /** Text cards, or one Discord/Slack message body per line: exactly what a channel would receive. */
  private void printCards(String source, ParsedFeed feed, StoryEnricher enricher) {
    String sourceName = feed.title().isBlank() ? source : feed.title();
    DiscordRenderer discord = new DiscordRenderer();
    SlackRenderer slack = new SlackRenderer();
    TextRenderer text = new TextRenderer();
    for (NewsItem i : feed.items()) {
      Card card = enricher.enrich(i, sourceName, null);
      switch (format) {
        case discord -> out.println(discord.render(card));
        case slack -> out.println(slack.render(card));
        default -> out.println(text.render(card));
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
