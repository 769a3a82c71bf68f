package dev.newswire.schedule;

import dev.newswire.delivery.Dispatcher;
import dev.newswire.news.Feed;
import dev.newswire.pipeline.FeedCycle;
import dev.newswire.store.FeedStore;
import dev.newswire.store.ItemStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
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
  private Scheduler scheduler;
  private final java.util.Map<JobKey, Runnable> extraJobs = new java.util.concurrent.ConcurrentHashMap<>();

  public PollScheduler(FeedStore feeds, FeedCycle cycle, Dispatcher dispatcher, ItemStore items, Duration retention,
      int threads, Clock clock) {
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
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    scheduler = new StdSchedulerFactory(p).getScheduler();
    scheduler.setJobFactory((bundle, s) -> {
      Class<?> type = bundle.getJobDetail().getJobClass();
      if (type == PollFeedJob.class) return new PollFeedJob(feeds, cycle, this::dispatchSoon);
      if (bundle.getJobDetail().getKey().equals(DISPATCH)) return new RunnableJob("dispatch", dispatcher::dispatchDue);
      Runnable extra = extraJobs.get(bundle.getJobDetail().getKey());
      if (extra != null) return new RunnableJob(bundle.getJobDetail().getKey().getName(), extra);
      return new RunnableJob("retention", () -> {
        int forgotten = items.forgetNotSeenSince(clock.instant().minus(retention));
        if (forgotten > 0) log.info("Forgot {} items not seen for {}", forgotten, retention);
      });
    });
    scheduleHousekeeping();
    int n = 0;
    for (Feed f : feeds.all()) {
      if (f.enabled()) {
        scheduleFeed(f);
        n++;
      }
    }
    scheduler.start();
    log.info("Polling {} feeds", n);
  }

  private void scheduleHousekeeping() throws SchedulerException {
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
    JobKey key = JobKey.jobKey("feed-" + feed.id(), "feeds");
    scheduler.deleteJob(key);
    Duration interval = cycle.intervalOf(feed);
    JobDetail job = JobBuilder.newJob(PollFeedJob.class).withIdentity(key)
        .usingJobData(PollFeedJob.FEED_ID, feed.id()).build();
    Trigger trigger = TriggerBuilder.newTrigger().forJob(key)
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
    scheduler.scheduleJob(JobBuilder.newJob(RunnableJob.class).withIdentity(key).build(),
        TriggerBuilder.newTrigger().startAt(Date.from(clock.instant().plus(every)))
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
  }

  public void unscheduleFeed(long feedId) throws SchedulerException {
    scheduler.deleteJob(JobKey.jobKey("feed-" + feedId, "feeds"));
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
    try {
      if (scheduler != null && !scheduler.isShutdown()) scheduler.triggerJob(DISPATCH);
    } catch (SchedulerException e) {
      log.warn("Could not trigger dispatch early; it runs within 5 seconds anyway", e);
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
    if (scheduler == null) return;
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Scheduler did not shut down cleanly", e);
    }
  }
}
