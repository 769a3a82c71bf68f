package dev.newswire;

import dev.newswire.command.admin.ThreadsCommand;
import dev.newswire.command.admin.MentionCommands;
import dev.newswire.store.TopicMentionStore;
import dev.newswire.store.jdbc.JdbcTopicMentionStore;
import dev.newswire.store.ChannelOptionStore;
import dev.newswire.store.jdbc.JdbcChannelOptionStore;
import dev.newswire.command.admin.FeedTestCommand;
import dev.newswire.command.admin.DigestNowCommand;
import dev.newswire.digest.DigestService;
import dev.newswire.store.jdbc.JdbcDigestStore;
import dev.newswire.platform.slack.SlackCommandBinding;
import dev.newswire.platform.discord.DiscordCommandBinding;
import dev.newswire.command.Admins;
import dev.newswire.command.CommandRegistry;
import dev.newswire.command.news.CommandContext;
import dev.newswire.command.news.NewsCommands;
import dev.newswire.config.ClusterConfig;
import dev.newswire.config.NewswireConfig;
import dev.newswire.pipeline.parse.FeedProbe;
import dev.newswire.pipeline.FeedScheduleListener;
import dev.newswire.search.LuceneStoryIndex;
import dev.newswire.news.ChannelRef;
import dev.newswire.delivery.ChatPlatform;
import dev.newswire.delivery.Dispatcher;
import dev.newswire.delivery.ProblemReporter;
import dev.newswire.news.Feed;
import dev.newswire.news.Taxonomy;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.card.Enricher;
import dev.newswire.pipeline.card.LlmEnricher;
import dev.newswire.pipeline.card.StoryEnricher;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.ops.MicrometerMetrics;
import dev.newswire.ops.OpsServer;
import dev.newswire.ops.ReadinessCheck;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.pipeline.Router;
import dev.newswire.pipeline.card.TopicClassifier;
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
import dev.newswire.store.jdbc.JdbcSubscriptionStore;
import dev.newswire.store.SubscriptionStore;
import dev.newswire.subscription.SubscriptionBootstrap;
import dev.newswire.subscription.SubscriptionRouter;
import dev.newswire.subscription.TopicMentions;
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
  private final SubscriptionStore subscriptions;
  private final FeedCycle cycle;
  private final Dispatcher dispatcher;
  private final SlackRuntime slack;
  private final MicrometerMetrics metrics = new MicrometerMetrics();
  private final List<ReadinessCheck> readinessChecks = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final LuceneStoryIndex index;
  private final CommandRegistry commands;
  private final DigestService digests;
  private final ChannelOptionStore channelOptions;
  private final TopicMentionStore topicMentions;
  private final Map<String, ChatPlatform> platforms = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile PollScheduler scheduler;
  private volatile OpsServer opsServer;
  private DiscordService discord;

  public App(NewswireConfig config, PrintStream out, boolean json, Clock clock) {
    this.config = config;
    this.clock = clock;
    long opening = System.nanoTime();
    this.db = Database.open(config.storage(), config.secrets().dbPassword(), metrics.poolMetrics());
    log.info("Database open and migrated in {} ms", (System.nanoTime() - opening) / 1_000_000);
    this.feeds = new JdbcFeedStore(db, clock);
    this.items = new JdbcItemStore(db);
    this.deliveries = new JdbcDeliveryStore(db);
    metrics.bindOutbox(deliveries, clock);
    readinessChecks.add(ReadinessCheck.database(db.dataSource()));
    readinessChecks.add(ReadinessCheck.when("scheduler", () -> scheduler != null && scheduler.isRunning(),
        "the poll scheduler is not running"));
    long syncing = System.nanoTime();
    feeds.syncConfigured(config.feeds());
    log.info("{} configured feeds synced in {} ms", config.feeds().size(), (System.nanoTime() - syncing) / 1_000_000);
    this.subscriptions = new JdbcSubscriptionStore(db, clock);
    SubscriptionBootstrap.apply(config.subscriptions(), subscriptions);

    Taxonomy taxonomy = new Taxonomy(config.topics());
    TopicClassifier classifier = new TopicClassifier(taxonomy);
    StoryEnricher enricher = enricherFor(config, clock);
    FeedFetcher fetcher = new FeedFetcher(config.network());
    // The console gets every story; chat channels get what they subscribed to.
    Router router = SubscriptionRouter.combine(Router.everyStoryTo(List.of(ChannelRef.CONSOLE)),
        new SubscriptionRouter(subscriptions));
    this.cycle = new FeedCycle(fetcher, new FeedParser(), new Deduper(), classifier, router, feeds, items,
        config.polling(), clock, metrics, clustererLoadingInBackground(config.clustering(), items, clock),
        new JdbcFeedNotices(db));

    this.index = new LuceneStoryIndex(items, config.storage().searchIndexDir());
    log.info("Search index ({}): {} stories indexed; new ones are added in the background", index.location(),
        index.size());
    index.catchUpSoon();
    cycle.onCommit(commit -> index.catchUpSoon());
    CommandContext context = new CommandContext(config, taxonomy, classifier, new Enricher(taxonomy), feeds, items,
        deliveries, subscriptions, index, new FeedProbe(fetcher, new FeedParser()), scheduleListener(),
        new Admins(config.admins()), clock);
    this.commands = NewsCommands.register(new CommandRegistry(new Admins(config.admins()), config.commands(), clock, metrics), context);
    commands.register(new DigestNowCommand(this::digests));
    commands.register(new FeedTestCommand(context, () -> platforms));
    this.channelOptions = new JdbcChannelOptionStore(db);
    commands.register(new ThreadsCommand(channelOptions));
    this.topicMentions = new JdbcTopicMentionStore(db, clock);
    commands.registerAll(MentionCommands.all(context, topicMentions));

    // Platforms come last: their slash commands are bound to the registry above.
    if (config.secrets().hasDiscord()) {
      try {
        this.discord = startDiscord(config, commands, clock);
      } catch (RuntimeException e) {
        index.close();
        db.close();
        throw e;
      }
      platforms.put(DiscordPlatform.ID, discord.platform());
      readinessChecks.add(ReadinessCheck.when("discord", discord::connected, "not connected to the Discord gateway"));
    }
    this.slack = SlackRuntime.fromConfig(config, SlackCommandBinding.of(commands), clock).orElse(null);
    if (slack != null) platforms.put("slack", slack.platform());
    platforms.put("console", new ConsolePlatform(out, json));
    String claimant = ClusterConfig.AUTO.equals(config.cluster().instanceId()) ? Dispatcher.defaultClaimant()
        : config.cluster().instanceId() + ":" + ProcessHandle.current().pid();
    this.dispatcher = new Dispatcher(deliveries, platforms, enricher, clock, metrics, claimant,
        config.cluster().claimLease(), ProblemReporter.toChannel(platforms),
        new TopicMentions(topicMentions, classifier));
    this.digests = new DigestService(subscriptions, new JdbcDigestStore(db), platforms, classifier, enricher, clock);
  }

  /**
   * The story clusterer, its window read from the database on a background thread so that start-up does not wait
   * for it; placing a story waits until the window is in.
   */
  static dev.newswire.pipeline.cluster.StoryClusterer clustererLoadingInBackground(
      dev.newswire.config.ClusteringConfig config, ItemStore items, Clock clock) {
    var clusterer = new dev.newswire.pipeline.cluster.StoryClusterer(config);
    if (!clusterer.enabled()) return clusterer;
    clusterer.beginLoad();
    Thread loader = new Thread(() -> {
      try {
        fillWindow(clusterer, config, items, clock);
      } catch (RuntimeException e) {
        log.error("Could not read the clustering window; stories are clustered against new items only", e);
      } finally {
        clusterer.endLoad();
      }
    }, "cluster-window");
    loader.setDaemon(true);
    loader.start();
    return clusterer;
  }

  private static void fillWindow(dev.newswire.pipeline.cluster.StoryClusterer clusterer,
      dev.newswire.config.ClusteringConfig config, ItemStore items, Clock clock) {
    long started = System.nanoTime();
    var recent = items.clusteredSince(clock.instant().minus(config.window()));
    for (var it : recent) clusterer.load(it.clusterId(), it.feedId(), it.link(), it.title(), it.summary(), it.time());
    log.info("Story clustering: {} items of the last {} indexed in {} ms", recent.size(), config.window(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The story clusterer with its window rebuilt from the database (items first seen within the window). */
  public static dev.newswire.pipeline.cluster.StoryClusterer clustererFor(dev.newswire.config.ClusteringConfig config,
      ItemStore items, Clock clock) {
    var clusterer = new dev.newswire.pipeline.cluster.StoryClusterer(config);
    if (clusterer.enabled()) fillWindow(clusterer, config, items, clock);
    return clusterer;
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

  private DiscordService startDiscord(NewswireConfig config, CommandRegistry commands, Clock clock) {
    try {
      return DiscordService.start(config.secrets().discordToken(), config.discord(),
          DiscordCommandBinding.of(commands), Path.of("data", "discord-commands.hash"), clock,
          channelOptions::threadPerStory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while connecting to Discord", e);
    }
  }

  /** Feeds added or removed by command are (un)scheduled at once when the scheduler runs. */
  private FeedScheduleListener scheduleListener() {
    return new FeedScheduleListener() {
      @Override
      public void feedAdded(Feed feed) {
        PollScheduler s = scheduler;
        if (s == null) return;
        try {
          s.scheduleFeed(feed);
        } catch (Exception e) {
          log.warn("Could not schedule {}; it is polled after the next restart", feed.url(), e);
        }
      }

      @Override
      public void feedRemoved(long feedId) {
        PollScheduler s = scheduler;
        if (s == null) return;
        try {
          s.unscheduleFeed(feedId);
        } catch (Exception e) {
          log.warn("Could not unschedule feed {}; it is skipped as disabled anyway", feedId, e);
        }
      }
    };
  }

  /** One poll of every enabled feed (ignoring backoff, not pauses), then every due delivery. */
  public Map<PollOutcome.Kind, Integer> runOnce() throws InterruptedException {
    List<Feed> enabled = feeds.all().stream().filter(Feed::enabled).toList();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.polling().threads(), enabled.size())));
    Map<PollOutcome.Kind, Integer> counts = new EnumMap<>(PollOutcome.Kind.class);
    try {
      long firsts = enabled.stream().filter(f -> !f.baselineDone()).count();
      dev.newswire.ops.ProgressReporter progress = firsts > PollScheduler.FIRST_POLL_PROGRESS_MIN
          ? dev.newswire.ops.ProgressReporter.forBot(log, System.err, "first poll", (int) firsts) : null;
      List<Future<PollOutcome>> futures = new ArrayList<>();
      for (Feed f : enabled) {
        futures.add(pool.submit(() -> {
          try {
            return cycle.poll(f, true);
          } finally {
            if (progress != null && !f.baselineDone()) progress.advance();
          }
        }));
      }
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
      if (progress != null) progress.finish();
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
    scheduler.scheduleEvery("digests", java.time.Duration.ofMinutes(1), digests::runDue);
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

  /** The full-text index behind /news search (built in the background after start). */
  public LuceneStoryIndex searchIndex() {
    return index;
  }

  public DeliveryStore deliveries() {
    return deliveries;
  }

  /** The commands, for the platform adapters to bind: dispatch(group, path, invocation) and autocomplete. */
  public DigestService digests() {
    return digests;
  }

  public CommandRegistry commands() {
    return commands;
  }

  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  public TopicMentionStore topicMentions() {
    return topicMentions;
  }

  @Override
  public void close() {
    if (opsServer != null) opsServer.close();
    if (scheduler != null) scheduler.close();
    dispatcher.close();
    if (slack != null) slack.close();
    if (discord != null) discord.close();
    index.close();
    db.close();
    metrics.close();
  }
}
