package dev.newswire;

import dev.newswire.config.ClusterConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.delivery.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.delivery.ProblemReporter;
import dev.newswire.news.Feed;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.Deduper;
import dev.newswire.pipeline.Enricher;
import dev.newswire.pipeline.LlmEnricher;
import dev.newswire.pipeline.StoryEnricher;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.FeedFetcher;
import dev.newswire.ops.MicrometerMetrics;
import dev.newswire.ops.OpsServer;
import dev.newswire.ops.ReadinessCheck;
import dev.newswire.pipeline.FeedParser;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.pipeline.Router;
import dev.newswire.pipeline.TopicClassifier;
import dev.newswire.platform.console.ConsolePlatform;
import dev.newswire.platform.discord.DiscordPlatform;
import dev.newswire.platform.discord.DiscordService;
import dev.newswire.platform.slack.SlackRuntime;
import dev.newswire.schedule.PollScheduler;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.FeedStore;
import dev.newswire.store.ItemStore;
import dev.newswire.store.jdbc.Database;
import dev.newswire.store.jdbc.JdbcDeliveryStore;
import dev.newswire.store.jdbc.JdbcFeedNotices;
import dev.newswire.store.jdbc.JdbcFeedStore;
import dev.newswire.store.jdbc.JdbcItemStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Composition root: config → database → stores → pipeline → platforms → scheduler. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final NewswireConfig config;
  private final Clock clock;
  private final Database db;
  private final FeedStore feeds;
  private final ItemStore items;
  private final DeliveryStore deliveries;
  private final FeedCycle cycle;
  private final Dispatcher dispatcher;
  private final SlackRuntime slack;
  private final MicrometerMetrics metrics = new MicrometerMetrics();
  private final List<ReadinessCheck> readinessChecks = new java.util.concurrent.CopyOnWriteArrayList<>();
  private PollScheduler scheduler;
  private volatile OpsServer opsServer;
  private DiscordService discord;

  public App(NewswireConfig config, PrintStream out, boolean json, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.db = Database.open(config.storage(), config.secrets().dbPassword(), metrics.poolMetrics());
    this.feeds = new JdbcFeedStore(db, clock);
    this.items = new JdbcItemStore(db);
    this.deliveries = new JdbcDeliveryStore(db);
    metrics.bindOutbox(deliveries, clock);
    readinessChecks.add(ReadinessCheck.database(db.dataSource()));
    readinessChecks.add(ReadinessCheck.when("scheduler", () -> scheduler != null && scheduler.isRunning(),
        "the poll scheduler is not running"));
    feeds.syncConfigured(config.feeds());

    Map<String, ChatPlatform> platforms = new java.util.HashMap<>();
    List<ChannelRef> everyStory = new ArrayList<>();
    if (config.secrets().hasDiscord()) {
      try {
        this.discord = startDiscord(config, clock);
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
      platforms.put(DiscordPlatform.ID, discord.platform());
    }
    // Slack: posts when SLACK_BOT_TOKEN is set; commands answer once the command registry is plugged in here.
    this.slack = SlackRuntime.fromConfig(config, SlackRuntime.NO_COMMANDS, clock).orElse(null);
    if (slack != null) {
      platforms.put("slack", slack.platform());
    }
    platforms.put("console", new ConsolePlatform(out, json));
    everyStory.add(ChannelRef.CONSOLE);

    Taxonomy taxonomy = new Taxonomy(config.topics());
    this.cycle = new FeedCycle(new FeedFetcher(config.network()), new FeedParser(), new Deduper(),
        new TopicClassifier(taxonomy), Router.everyStoryTo(everyStory), feeds, items, config.polling(), clock, metrics,
        new JdbcFeedNotices(db));
    String claimant = ClusterConfig.AUTO.equals(config.cluster().instanceId()) ? Dispatcher.defaultClaimant()
        : config.cluster().instanceId() + ":" + ProcessHandle.current().pid();
    this.dispatcher = new Dispatcher(deliveries, platforms, enricherFor(config, clock), clock, metrics, claimant,
        config.cluster().claimLease(), ProblemReporter.toChannel(platforms));
  }

  /** Extractive cards, or LLM-written ones when enrich.llm and NEWSWIRE_LLM_API_KEY are set. */
  public static StoryEnricher enricherFor(NewswireConfig config, Clock clock) {
    Taxonomy taxonomy = new Taxonomy(config.topics());
    Enricher extractive = new Enricher(taxonomy);
    if (config.enrich().llm().configured() && config.secrets().llmApiKey() != null) {
      log.info("Cards are written by {} at {}, with the extractive card as fallback",
          config.enrich().llm().model(), config.enrich().llm().baseUrl());
      return new LlmEnricher(extractive, taxonomy, config.enrich().llm(), config.secrets().llmApiKey(), clock);
    }
    return extractive;
  }

  private static DiscordService startDiscord(NewswireConfig config, Clock clock) {
    try {
      // Slash commands are bound once the command registry lands (CommandHandler); until then Discord only posts.
      return DiscordService.start(config.secrets().discordToken(), config.discord(), null,
          Path.of("data", "discord-commands.hash"), clock);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while connecting to Discord", e);
    }
  }

  /** One poll of every enabled feed (ignoring backoff, not pauses), then every due delivery. */
  public Map<PollOutcome.Kind, Integer> runOnce() throws InterruptedException {
    List<Feed> enabled = feeds.all().stream().filter(Feed::enabled).toList();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.polling().threads(), enabled.size())));
    Map<PollOutcome.Kind, Integer> counts = new EnumMap<>(PollOutcome.Kind.class);
    try {
      List<Future<PollOutcome>> futures = new ArrayList<>();
      for (Feed f : enabled) futures.add(pool.submit(() -> cycle.poll(f, true)));
      int newStories = 0;
      for (Future<PollOutcome> fu : futures) {
        try {
          PollOutcome o = fu.get();
          counts.merge(o.kind(), 1, Integer::sum);
          newStories += o.newStories();
        } catch (java.util.concurrent.ExecutionException e) {
          log.error("A poll crashed", e.getCause());
        }
      }
      int sent = dispatcher.dispatchDue();
      log.info("One cycle over {} feeds: {} new stories, {} delivered; {}", enabled.size(), newStories, sent, counts);
    } finally {
      pool.shutdownNow();
    }
    return counts;
  }

  /** Starts the clock; returns at once. */
  public void start() throws Exception {
    scheduler = new PollScheduler(feeds, cycle, dispatcher, items, config.polling().retention(),
        config.polling().threads(), clock, config.cluster().enabled() ? db.dataSource() : null,
        config.cluster().instanceId());
    scheduler.start();
    if (slack != null) {
      slack.start();
    }
    if (config.ops().enabled()) {
      synchronized (this) {
        opsServer = new OpsServer(config.ops().bind(), config.ops().port(), readinessChecks, metrics::scrape).start();
      }
    }
  }

  /** For /readyz, e.g. "discord": connected. May be called before or after {@link #start()}. */
  public synchronized void addReadinessCheck(ReadinessCheck check) {
    readinessChecks.add(check);
    if (opsServer != null) opsServer.addCheck(check);
  }

  /** For the command layer (command invocations) and platforms. */
  public PipelineMetrics metrics() {
    return metrics;
  }

  /** The running operations endpoint, or null (run --once, ops.enabled false). */
  public OpsServer opsServer() {
    return opsServer;
  }

  public FeedStore feeds() {
    return feeds;
  }

  public ItemStore items() {
    return items;
  }

  public DeliveryStore deliveries() {
    return deliveries;
  }

  @Override
  public void close() {
    if (opsServer != null) opsServer.close();
    if (scheduler != null) scheduler.close();
    if (slack != null) slack.close();
    if (discord != null) discord.close();
    db.close();
    metrics.close();
  }
}
