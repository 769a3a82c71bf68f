package dev.newswire.schedule;

import dev.newswire.pipeline.FeedCycle;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.store.FeedStore;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls one feed. One JobDetail per feed, so a slow feed never overlaps itself and never blocks another. */
@DisallowConcurrentExecution
final class PollFeedJob implements Job {
  static final String FEED_ID = "feedId";

  private final FeedStore feeds;
  private final FeedCycle cycle;
  private final Runnable onNews;

  PollFeedJob(FeedStore feeds, FeedCycle cycle, Runnable onNews) {
    this.feeds = feeds;
    this.cycle = cycle;
    this.onNews = onNews;
  }

  @Override
  public void execute(JobExecutionContext context) {
    long id = context.getMergedJobDataMap().getLong(FEED_ID);
    feeds.find(id).ifPresent(feed -> {
      PollOutcome outcome = cycle.poll(feed);
      if (outcome.kind() == PollOutcome.Kind.NEWS) onNews.run();
    });
  }
}
