package dev.newswire.schedule;

import dev.newswire.delivery.Dispatcher;
import dev.newswire.news.Feed;
import dev.newswire.ops.ProgressReporter;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.store.FeedStore;
import dev.newswire.store.ItemStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.utils.DBConnectionManager;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz as the clock: one repeating trigger per feed at its own interval and offset, plus dispatch and retention.
 */
public final class PollScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);
  static final JobKey DISPATCH = JobKey.jobKey("dispatch", "newswire");
  static final JobKey RETENTION = JobKey.jobKey("retention", "newswire");
  /** New feeds at start-up are spread over at most this window, then keep their offsets. */
  private static final Duration START_SPREAD = Duration.ofSeconds(30);

  private final FeedStore feeds;
  private final FeedCycle cycle;
  private final Dispatcher dispatcher;
  private final ItemStore items;
  private final Duration retention;
  private final int threads;
  private final Clock clock;
  private final DataSource clusterDataSource;
  private final String instanceId;
  private Scheduler scheduler;
  private final java.util.Map<JobKey, Runnable> extraJobs = new java.util.concurrent.ConcurrentHashMap<>();
  private ScheduledExecutorService localDispatch;
  private final AtomicBoolean dispatchQueued = new AtomicBoolean();
  /** More new (never polled) feeds than this at start: the first poll reports its progress. */
  public static final int FIRST_POLL_PROGRESS_MIN = 20;
  private volatile Set<String> firstPolls;
  private volatile ProgressReporter firstPollProgress;

  public PollScheduler(FeedStore feeds, FeedCycle cycle, Dispatcher dispatcher, ItemStore items, Duration retention,
      int threads, Clock clock) {
    this(feeds, cycle, dispatcher, items, retention, threads, clock, null, null);
  }

  /**
   * @param clusterDataSource null: Quartz in memory (one instance). Otherwise Quartz runs clustered on its JDBC job
   *                          store (PostgreSQL, tables from V31) through this pool: each feed's job is polled by one
   *                          instance at a time cluster-wide; dispatch runs locally on every instance (the outbox
   *                          claims keep it exclusive per delivery)
   * @param instanceId        Quartz instance id in the cluster; null or "AUTO" to generate one
   */
  public PollScheduler(FeedStore feeds, FeedCycle cycle, Dispatcher dispatcher, ItemStore items, Duration retention,
      int threads, Clock clock, DataSource clusterDataSource, String instanceId) {
    this.clusterDataSource = clusterDataSource;
    this.instanceId = instanceId == null || instanceId.isBlank() ? "AUTO" : instanceId;
    this.feeds = feeds;
    this.cycle = cycle;
    this.dispatcher = dispatcher;
    this.items = items;
    this.retention = retention;
    this.threads = threads;
    this.clock = clock;
  }

  public void start() throws SchedulerException {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "newswire");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads + 2));
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    if (clustered()) {
      // Our pool, registered under a name unique to this scheduler; Quartz finds it by that name.
      String ds = "newswire-" + Integer.toHexString(System.identityHashCode(this));
      DBConnectionManager.getInstance().addConnectionProvider(ds, new QuartzConnections(clusterDataSource));
      p.setProperty("org.quartz.scheduler.instanceId", instanceId);
      p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
      p.setProperty("org.quartz.jobStore.dataSource", ds);
      p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
      p.setProperty("org.quartz.jobStore.useProperties", "true");
      p.setProperty("org.quartz.jobStore.isClustered", "true");
      p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
      p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    } else {
      p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    }
    scheduler = new StdSchedulerFactory(p).getScheduler();
    scheduler.setJobFactory((bundle, s) -> {
      Class<?> type = bundle.getJobDetail().getJobClass();
      if (type == PollFeedJob.class) return new PollFeedJob(feeds, cycle, this::dispatchSoon, this::polled);
      if (bundle.getJobDetail().getKey().equals(DISPATCH)) return new RunnableJob("dispatch", dispatcher::dispatchDue);
      Runnable extra = extraJobs.get(bundle.getJobDetail().getKey());
      if (extra != null) return new RunnableJob(bundle.getJobDetail().getKey().getName(), extra);
      return new RunnableJob("retention", () -> {
        int forgotten = items.forgetNotSeenSince(clock.instant().minus(retention));
        if (forgotten > 0) log.info("Forgot {} items not seen for {}", forgotten, retention);
      });
    });
    scheduleHousekeeping();
    List<Feed> all = feeds.all();
    Set<String> firsts = ConcurrentHashMap.newKeySet();
    for (Feed f : all) if (f.enabled() && !f.baselineDone()) firsts.add(f.url());
    // Clustered, other instances poll some of them: this one could not count them all.
    if (!clustered() && firsts.size() > FIRST_POLL_PROGRESS_MIN) {
      firstPolls = firsts;
      firstPollProgress = ProgressReporter.forBot(log, System.err, "first poll", firsts.size());
      log.info("First poll of {} feeds; progress follows", firsts.size());
    }
    int n = 0;
    for (Feed f : all) {
      if (f.enabled()) {
        if (clustered()) {
          ensureFeed(f);
        } else {
          scheduleFeed(f);
        }
        n++;
      } else if (clustered()) {
        scheduler.deleteJob(feedKey(f.url()));
      }
    }
    scheduler.start();
    log.info(clustered() ? "Polling {} feeds, clustered with the other instances on the same database (Quartz instance {})"
        : "Polling {} feeds", n, scheduler.getSchedulerInstanceId());
  }

  /** A feed was polled: counts towards the first-poll progress when it was one of the new feeds at start. */
  private void polled(String url) {
    Set<String> firsts = firstPolls;
    ProgressReporter progress = firstPollProgress;
    if (firsts == null || progress == null || !firsts.remove(url)) return;
    progress.update(progress.total() - firsts.size());
  }

  private boolean clustered() {
    return clusterDataSource != null;
  }

  /**
   * Cluster mode: the jobs live in the database and outlive every instance; keep a feed's trigger (and so its
   * timing) unless its interval changed. Several instances starting together may race: the loser's insert fails.
   */
  private void ensureFeed(Feed feed) throws SchedulerException {
    JobKey key = feedKey(feed.url());
    Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(key.getName(), key.getGroup()));
    if (existing instanceof SimpleTrigger st && st.getRepeatInterval() == cycle.intervalOf(feed).toMillis()) return;
    try {
      scheduleFeed(feed);
    } catch (ObjectAlreadyExistsException e) {
      log.debug("Another instance scheduled {} first", feed.url());
    }
  }

  private void scheduleHousekeeping() throws SchedulerException {
    if (clustered()) {
      // Retention once per cluster; dispatch on every instance, off Quartz (a clustered job would run on one only).
      if (!scheduler.checkExists(RETENTION)) {
        try {
          scheduler.scheduleJob(JobBuilder.newJob(RunnableJob.class).withIdentity(RETENTION).build(),
              TriggerBuilder.newTrigger().startAt(Date.from(clock.instant().plusSeconds(60)))
                  .withSchedule(SimpleScheduleBuilder.repeatHourlyForever(6).withMisfireHandlingInstructionNextWithRemainingCount())
                  .build());
        } catch (ObjectAlreadyExistsException ignored) {
          // another instance did
        }
      }
      localDispatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newswire-dispatch");
        t.setDaemon(true);
        return t;
      });
      localDispatch.scheduleWithFixedDelay(this::dispatchLocally, 1, 5, TimeUnit.SECONDS);
      return;
    }
    scheduler.scheduleJob(JobBuilder.newJob(RunnableJob.class).withIdentity(DISPATCH).storeDurably().build(),
        TriggerBuilder.newTrigger().startNow()
            .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(5).withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
    scheduler.scheduleJob(JobBuilder.newJob(RunnableJob.class).withIdentity(RETENTION).build(),
        TriggerBuilder.newTrigger().startAt(Date.from(clock.instant().plusSeconds(60)))
            .withSchedule(SimpleScheduleBuilder.repeatHourlyForever(6).withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
  }

  /** Adds or replaces a feed's polling schedule. */
  public void scheduleFeed(Feed feed) throws SchedulerException {
    JobKey key = feedKey(feed.url());
    scheduler.deleteJob(key);
    Duration interval = cycle.intervalOf(feed);
    JobDetail job = JobBuilder.newJob(PollFeedJob.class).withIdentity(key)
        .usingJobData(PollFeedJob.FEED_URL, feed.url()).build();
    Trigger trigger = TriggerBuilder.newTrigger().forJob(key).withIdentity(key.getName(), key.getGroup())
        .startAt(Date.from(firstPoll(feed, interval, clock.instant())))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    scheduler.scheduleJob(job, trigger);
  }

  /** A housekeeping task on its own repeating trigger (e.g. digests, every minute); never overlaps itself. */
  public void scheduleEvery(String name, Duration every, Runnable task) throws SchedulerException {
    JobKey key = JobKey.jobKey(name, "newswire");
    extraJobs.put(key, task);
    scheduler.deleteJob(key); // a clustered job store keeps jobs across restarts
    scheduler.scheduleJob(JobBuilder.newJob(RunnableJob.class).withIdentity(key).build(),
        TriggerBuilder.newTrigger().startAt(Date.from(clock.instant().plus(every)))
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
  }

  public void unscheduleFeed(long feedId) throws SchedulerException {
    java.util.Optional<Feed> feed = feeds.find(feedId);
    if (feed.isPresent()) scheduler.deleteJob(feedKey(feed.get().url()));
  }

  /** Stable across restarts and instances (the feed URL, hashed), so a clustered job is one per feed. */
  static JobKey feedKey(String url) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return JobKey.jobKey("feed-" + java.util.HexFormat.of().formatHex(h).substring(0, 32), "feeds");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A feed polled recently waits out its interval across a restart; others start within a short window at an offset
   * taken from the URL, so a restart does not fire every feed in the same second.
   */
  static Instant firstPoll(Feed feed, Duration interval, Instant now) {
    Instant last = feed.health().lastPolledAt();
    if (last != null && last.plus(interval).isAfter(now)) return last.plus(interval);
    long window = Math.min(interval.toMillis(), START_SPREAD.toMillis());
    long offset = Math.floorMod(feed.url().hashCode(), Math.max(1, window));
    return now.plusMillis(offset);
  }

  /** Runs the dispatcher now rather than at its next tick, so a new story is posted within a second. */
  public void dispatchSoon() {
    if (localDispatch != null) {
      if (dispatchQueued.compareAndSet(false, true)) {
        try {
          localDispatch.execute(this::dispatchLocally);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
          // shutting down
        }
      }
      return;
    }
    try {
      if (scheduler != null && !scheduler.isShutdown()) scheduler.triggerJob(DISPATCH);
    } catch (SchedulerException e) {
      log.warn("Could not trigger dispatch early; it runs within 5 seconds anyway", e);
    }
  }

  private void dispatchLocally() {
    dispatchQueued.set(false);
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      log.error("dispatch failed; it runs again at its next tick", e);
    }
  }

  public boolean isRunning() {
    try {
      return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown();
    } catch (SchedulerException e) {
      return false;
    }
  }

  @Override
  public void close() {
    ProgressReporter progress = firstPollProgress;
    if (progress != null) progress.finish(); // a no-op when it completed; "stopped" otherwise
    if (localDispatch != null) {
      localDispatch.shutdownNow();
      try {
        localDispatch.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (scheduler == null) return;
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Scheduler did not shut down cleanly", e);
    }
  }
}
