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
  /** A string, as the clustered JDBC store keeps job data as properties. */
  static final String FEED_URL = "feedUrl";

  private final FeedStore feeds;
  private final FeedCycle cycle;
  private final Runnable onNews;
  private final java.util.function.Consumer<String> polled;

  PollFeedJob(FeedStore feeds, FeedCycle cycle, Runnable onNews) {
    this(feeds, cycle, onNews, url -> { });
  }

  /** @param polled told the feed URL after each poll, whatever its outcome (first-poll progress) */
  PollFeedJob(FeedStore feeds, FeedCycle cycle, Runnable onNews, java.util.function.Consumer<String> polled) {
    this.feeds = feeds;
    this.cycle = cycle;
    this.onNews = onNews;
    this.polled = polled;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String url = context.getMergedJobDataMap().getString(FEED_URL);
    try {
      feeds.findByUrl(url).filter(f -> f.enabled()).ifPresent(feed -> {
        PollOutcome outcome = cycle.poll(feed);
        if (outcome.kind() == PollOutcome.Kind.NEWS) onNews.run();
      });
    } finally {
      polled.accept(url);
    }
  }
}
