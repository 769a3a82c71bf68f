package dev.newswire.pipeline;

import dev.newswire.pipeline.card.TopicClassifier;
import dev.newswire.pipeline.fetch.FeedFetcher;
import dev.newswire.pipeline.fetch.FetchRequest;
import dev.newswire.pipeline.fetch.FetchResult;
import dev.newswire.pipeline.identity.DedupeResult;
import dev.newswire.pipeline.identity.Deduper;
import dev.newswire.pipeline.identity.IdentifiedItem;
import dev.newswire.pipeline.identity.KnownItems;
import dev.newswire.pipeline.parse.FeedParseException;
import dev.newswire.pipeline.parse.FeedParser;
import dev.newswire.config.PollingConfig;
import dev.newswire.news.ChannelRef;
import dev.newswire.news.Feed;
import dev.newswire.news.FeedValidators;
import dev.newswire.news.ParsedFeed;
import dev.newswire.store.FeedNotices;
import dev.newswire.store.FeedStore;
import dev.newswire.store.ItemStore;
import dev.newswire.store.PollCommit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The order of the pipeline for one feed: fetch, parse, identify, classify, route, store. */
public final class FeedCycle {
  private static final Logger log = LoggerFactory.getLogger(FeedCycle.class);

  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final Deduper deduper;
  private final TopicClassifier classifier;
  private final Router router;
  private final FeedStore feeds;
  private final ItemStore items;
  private final PollingConfig polling;
  private final Clock clock;
  private final PipelineMetrics metrics;
  private volatile java.util.function.Consumer<PollCommit> afterCommit = commit -> {};
  private final dev.newswire.pipeline.cluster.StoryClusterer clusterer;
  private final FeedNotices notices;

  public FeedCycle(FeedFetcher fetcher, FeedParser parser, Deduper deduper, TopicClassifier classifier, Router router,
      FeedStore feeds, ItemStore items, PollingConfig polling, Clock clock) {
    this(fetcher, parser, deduper, classifier, router, feeds, items, polling, clock, PipelineMetrics.NOOP);
  }

  public FeedCycle(FeedFetcher fetcher, FeedParser parser, Deduper deduper, TopicClassifier classifier, Router router,
      FeedStore feeds, ItemStore items, PollingConfig polling, Clock clock, PipelineMetrics metrics) {
    this(fetcher, parser, deduper, classifier, router, feeds, items, polling, clock, metrics,
        (dev.newswire.pipeline.cluster.StoryClusterer) null, FeedNotices.NONE);
  }

  public FeedCycle(FeedFetcher fetcher, FeedParser parser, Deduper deduper, TopicClassifier classifier, Router router,
      FeedStore feeds, ItemStore items, PollingConfig polling, Clock clock, PipelineMetrics metrics,
      dev.newswire.pipeline.cluster.StoryClusterer clusterer) {
    this(fetcher, parser, deduper, classifier, router, feeds, items, polling, clock, metrics, clusterer,
        FeedNotices.NONE);
  }

  public FeedCycle(FeedFetcher fetcher, FeedParser parser, Deduper deduper, TopicClassifier classifier, Router router,
      FeedStore feeds, ItemStore items, PollingConfig polling, Clock clock, PipelineMetrics metrics,
      FeedNotices notices) {
    this(fetcher, parser, deduper, classifier, router, feeds, items, polling, clock, metrics,
        (dev.newswire.pipeline.cluster.StoryClusterer) null, notices);
  }

  /**
   * @param clusterer story clusters across feeds, or null for none (every item its own story)
   * @param notices   once-only pause and recovery notices to the feed's channels
   */
  public FeedCycle(FeedFetcher fetcher, FeedParser parser, Deduper deduper, TopicClassifier classifier, Router router,
      FeedStore feeds, ItemStore items, PollingConfig polling, Clock clock, PipelineMetrics metrics,
      dev.newswire.pipeline.cluster.StoryClusterer clusterer, FeedNotices notices) {
    this.clusterer = clusterer != null && clusterer.enabled() ? clusterer : null;
    this.notices = notices;
    this.metrics = metrics;
    this.fetcher = fetcher;
    this.parser = parser;
    this.deduper = deduper;
    this.classifier = classifier;
    this.router = router;
    this.feeds = feeds;
    this.items = items;
    this.polling = polling;
    this.clock = clock;
  }

  /** Called after each successful commit of a poll (e.g. to feed the search index); must be quick, may throw. */
  public void onCommit(java.util.function.Consumer<PollCommit> listener) {
    this.afterCommit = listener == null ? commit -> {} : listener;
  }

  /** Polls one feed if it is due. Never throws: a broken feed must not stop the others. */
  public PollOutcome poll(Feed feed) {
    return poll(feed, false);
  }

  /**
   * @param ignoreBackoff true for an explicit one-off run, where a person asked for every feed now
   */
  public PollOutcome poll(Feed feed, boolean ignoreBackoff) {
    // Every log line of this poll carries the feed URL (MDC "feed"; a field of its own in JSON logs).
    try (MDC.MDCCloseable ignored = MDC.putCloseable("feed", feed.url())) {
      Duration[] fetchTime = new Duration[1];
      PollOutcome outcome = pollMeasured(feed, ignoreBackoff, fetchTime);
      try {
        metrics.pollFinished(outcome, fetchTime[0]);
      } catch (RuntimeException e) {
        log.warn("Recording metrics for {} failed", feed.url(), e);
      }
      return outcome;
    }
  }

  private PollOutcome pollMeasured(Feed feed, boolean ignoreBackoff, Duration[] fetchTime) {
    try {
      return pollOrThrow(feed, ignoreBackoff, fetchTime);
    } catch (RuntimeException e) {
      log.error("Polling {} failed unexpectedly", feed.url(), e);
      String error = "Internal error while polling this feed (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "). It will be retried; if it persists, report it with the log.";
      recordFailure(feed, error, null);
      return new PollOutcome(feed.id(), feed.url(), PollOutcome.Kind.FAILED, 0, error);
    }
  }

  private PollOutcome pollOrThrow(Feed feed, boolean ignoreBackoff, Duration[] fetchTime) {
    Instant now = clock.instant();
    if (!feed.enabled()) return skip(feed, PollOutcome.Kind.SKIPPED, "disabled");
    if (feed.paused()) {
      // Idempotent: closes the gap if the process died between pausing the feed and writing its notice.
      notices.feedPaused(feed.id(), feed.health().pausedReason(), now);
      return skip(feed, PollOutcome.Kind.PAUSED, feed.health().pausedReason());
    }
    Instant next = feed.health().nextAttemptAt();
    if (!ignoreBackoff && next != null && next.isAfter(now)) return skip(feed, PollOutcome.Kind.SKIPPED, "backing off until " + next);

    FeedValidators v = feed.validators();
    long started = System.nanoTime();
    FetchResult fetched = fetcher.fetch(new FetchRequest(URI.create(feed.url()), v.etag(), v.lastModified(),
        feed.baselineDone() ? v.bodyHash() : null));
    fetchTime[0] = Duration.ofNanos(System.nanoTime() - started);
    switch (fetched.status()) {
      case FAILED -> {
        recordFailure(feed, fetched.error(), fetched.retryAfter());
        return new PollOutcome(feed.id(), feed.url(), PollOutcome.Kind.FAILED, 0, fetched.error());
      }
      case NOT_MODIFIED, UNCHANGED -> {
        feeds.recordUnchanged(feed.id(),
            new FeedValidators(fetched.etag(), fetched.lastModified(), fetched.bodyHash()), now);
        notices.feedRecovered(feed.id(), now);
        return new PollOutcome(feed.id(), feed.url(), PollOutcome.Kind.NOT_MODIFIED, 0, null);
      }
      default -> {
        return store(feed, fetched, now);
      }
    }
  }

  private PollOutcome store(Feed feed, FetchResult fetched, Instant now) {
    ParsedFeed parsed;
    try {
      URI base = fetched.finalUri() != null ? fetched.finalUri() : URI.create(feed.url());
      parsed = parser.parse(fetched.body(), fetched.contentType(), base);
    } catch (FeedParseException e) {
      String error = "Could not read " + feed.url() + " as a feed: " + e.getMessage();
      recordFailure(feed, error, null);
      return new PollOutcome(feed.id(), feed.url(), PollOutcome.Kind.FAILED, 0, error);
    }
    List<IdentifiedItem> identified = deduper.identify(parsed.items());
    KnownItems history = items.known(feed.id(), identified);
    DedupeResult result = deduper.split(identified, history, feed.baselineDone());
    Map<String, List<ChannelRef>> routes = new HashMap<>();
    for (IdentifiedItem it : result.news()) {
      routes.put(it.keyHash(), router.channelsFor(feed, it.item().withTopics(classifier.classify(it.item()))));
    }
    PollCommit commit = new PollCommit(feed.id(),
        new FeedValidators(fetched.etag(), fetched.lastModified(), fetched.bodyHash()),
        parsed.title().isBlank() ? null : parsed.title(), now, result, routes, cluster(feed, result, now));
    items.commitPoll(commit);
    notices.feedRecovered(feed.id(), now);
    try {
      afterCommit.accept(commit);
    } catch (RuntimeException e) {
      log.warn("After-commit hook failed for {}", feed.url(), e);
    }
    if (!feed.baselineDone()) {
      log.info("Baseline for {}: remembered {} items, posted none", feed.url(), identified.size());
      return new PollOutcome(feed.id(), feed.url(), PollOutcome.Kind.BASELINE, 0, null);
    }
    if (!result.news().isEmpty()) log.info("{} new stories in {}", result.news().size(), feed.url());
    return new PollOutcome(feed.id(), feed.url(),
        result.news().isEmpty() ? PollOutcome.Kind.NO_NEWS : PollOutcome.Kind.NEWS, result.news().size(), null);
  }

  /** Places every new item (news and remembered) in a story cluster; key hash → cluster id. */
  private Map<String, String> cluster(Feed feed, DedupeResult result, Instant now) {
    if (clusterer == null) return Map.of();
    clusterer.evictBefore(now.minus(clusterer.window()));
    Map<String, String> out = new HashMap<>();
    for (List<IdentifiedItem> group : List.of(result.remembered(), result.news())) {
      for (IdentifiedItem it : group) {
        Instant published = it.item().bestTime();
        Instant time = published != null && published.isBefore(now) ? published : now;
        var placed = clusterer.place(new dev.newswire.pipeline.cluster.StoryClusterer.Candidate(feed.id(), it.item().link(),
            it.item().title(), it.item().summary(), time));
        out.put(it.keyHash(), placed.clusterId());
        if (!placed.newCluster() && group == result.news()) {
          log.info("\"{}\" joins story {}: {}", it.item().title(), placed.clusterId(), placed.why());
        }
      }
    }
    return out;
  }

  private void recordFailure(Feed feed, String error, Duration retryAfter) {
    Instant now = clock.instant();
    int failures = feed.health().consecutiveFailures() + 1;
    Duration wait = backoff(intervalOf(feed), failures, polling.maxBackoff());
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) wait = retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
    String paused = null;
    if (failures >= polling.maxFailures()) {
      paused = "Paused after " + failures + " failed polls in a row. Last error: " + error
          + " Fix or replace the URL (config/newswire.yaml or /news-admin feed), then resume the feed"
          + " (/news-admin feed resume, or restart the bot), or remove it.";
      log.warn("Feed {} paused: {}", feed.url(), error);
    } else {
      log.warn("Feed {} failed ({} in a row), next attempt in {}: {}", feed.url(), failures, wait, error);
    }
    feeds.recordFailure(feed.id(), error, now, now.plus(wait), paused);
    if (paused != null) {
      int n = notices.feedPaused(feed.id(), paused, now);
      if (n > 0) log.info("Told {} channels that {} is paused", n, feed.url());
    }
  }

  public Duration intervalOf(Feed feed) {
    return feed.interval() != null ? feed.interval() : polling.interval();
  }

  /** interval, 2x, 4x ... capped: a failing publisher is not hammered, a blip costs one interval. */
  static Duration backoff(Duration interval, int failures, Duration cap) {
    Duration wait = interval.multipliedBy(1L << Math.min(failures - 1, 16));
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  private static PollOutcome skip(Feed feed, PollOutcome.Kind kind, String why) {
    return new PollOutcome(feed.id(), feed.url(), kind, 0, why);
  }
}
