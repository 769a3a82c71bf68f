package dev.newswire.delivery;

import dev.newswire.news.ChannelRef;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.card.StoryEnricher;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.PendingDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries from the outbox, oldest first per channel. A channel whose delivery must wait holds back
 * only its own later deliveries, so stories stay in order there while other channels keep flowing.
 */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final int MAX_ATTEMPTS = 20;

  /** How long a claim holds; a dispatcher that dies leaves its claims to be taken over (in doubt) after this. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
  private static final int CLAIM_BATCH = 100;
  /** Channels sent to at the same time; each channel stays in order on one worker. */
  static final int CHANNEL_WORKERS = 8;

  private final DeliveryStore deliveries;
  private final Map<String, ChatPlatform> platforms;
  private final StoryEnricher enricher;
  /** Channel workers: daemon threads, so a dispatcher never keeps the JVM alive. */
  private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(
      CHANNEL_WORKERS, r -> {
        Thread t = new Thread(r, "newswire-dispatch");
        t.setDaemon(true);
        return t;
      });
  private final Clock clock;
  private final PipelineMetrics metrics;
  private final String claimant;
  private final Duration lease;
  private final ProblemReporter reporter;
  private final StoryMentions mentions;

  public Dispatcher(DeliveryStore deliveries, Map<String, ChatPlatform> platforms, StoryEnricher enricher, Clock clock) {
    this(deliveries, platforms, enricher, clock, PipelineMetrics.NOOP);
  }

  public Dispatcher(DeliveryStore deliveries, Map<String, ChatPlatform> platforms, StoryEnricher enricher, Clock clock,
      PipelineMetrics metrics) {
    this(deliveries, platforms, enricher, clock, metrics, defaultClaimant(), DEFAULT_LEASE, ProblemReporter.NONE);
  }

  /**
   * @param claimant this dispatcher's name on the claims it takes (unique per process)
   * @param lease    how long a claim holds: longer than sending one batch takes
   */
  public Dispatcher(DeliveryStore deliveries, Map<String, ChatPlatform> platforms, StoryEnricher enricher, Clock clock,
      PipelineMetrics metrics, String claimant, Duration lease, ProblemReporter reporter) {
    this(deliveries, platforms, enricher, clock, metrics, claimant, lease, reporter, StoryMentions.NONE);
  }

  /** @param mentions who a story pings per channel and topic ({@code /news-admin mention}) */
  public Dispatcher(DeliveryStore deliveries, Map<String, ChatPlatform> platforms, StoryEnricher enricher, Clock clock,
      PipelineMetrics metrics, String claimant, Duration lease, ProblemReporter reporter, StoryMentions mentions) {
    this.mentions = mentions;
    this.metrics = metrics;
    this.deliveries = deliveries;
    this.platforms = Map.copyOf(platforms);
    this.enricher = enricher;
    this.clock = clock;
    this.claimant = claimant;
    this.lease = lease;
    this.reporter = reporter;
  }

  /** host:pid:random, unique per process. */
  public static String defaultClaimant() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      host = "host";
    }
    return host + ":" + ProcessHandle.current().pid() + ":" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
  }

  /**
   * Sends everything that is due now; returns how many were posted. Safe to call from one thread at a time per
   * process; several processes share the outbox through claims.
   */
  public synchronized int dispatchDue() {
    AtomicInteger sent = new AtomicInteger();
    Map<ChannelRef, String> problems = new ConcurrentHashMap<>(deliveries.channelProblems());
    Set<ChannelRef> heldBack = ConcurrentHashMap.newKeySet();
    while (true) {
      List<PendingDelivery> due = deliveries.claim(clock.instant(), CLAIM_BATCH, claimant, lease);
      List<Long> untouched = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger progressed = new AtomicInteger();
      // Channels are independent: each one's deliveries go in order on one worker, while other channels proceed
      // in parallel, so one paced or slow channel never holds up the rest.
      Map<ChannelRef, List<PendingDelivery>> byChannel = new LinkedHashMap<>();
      for (PendingDelivery d : due) byChannel.computeIfAbsent(d.channel(), k -> new ArrayList<>()).add(d);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (List<PendingDelivery> channelDeliveries : byChannel.values()) {
          running.add(workers.submit(() -> {
            for (PendingDelivery d : channelDeliveries) {
              if (dispatchOne(d, problems, heldBack, untouched, progressed)) sent.incrementAndGet();
            }
          }));
        }
        for (Future<?> f : running) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            log.error("A channel's dispatch failed unexpectedly; its deliveries are retried", e.getCause());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sent.get();
          }
        }
      } finally {
        deliveries.release(new ArrayList<>(untouched));
      }
      if (due.size() < CLAIM_BATCH || progressed.get() == 0) {
        dispatchEdits();
        return sent.get();
      }
    }
  }

  /** Sends one delivery (or records why not); true when it was sent or found already delivered. */
  private boolean dispatchOne(PendingDelivery d, Map<ChannelRef, String> problems, Set<ChannelRef> heldBack,
      List<Long> untouched, AtomicInteger progressed) {
    String problem = problems.get(d.channel());
    if (problem != null) {
      deliveries.markFailed(d.id(), "Not sent: the channel is paused. " + problem);
      record(d, "skipped");
      progressed.incrementAndGet();
      return false;
    }
    if (heldBack.contains(d.channel())) {
      untouched.add(d.id());
      return false;
    }
    ChatPlatform platform = platforms.get(d.channel().platform());
    if (platform == null) {
      // The platform is not configured in this run (its token is unset): keep the delivery for a run that has it.
      heldBack.add(d.channel());
      untouched.add(d.id());
      return false;
    }
    // The card is built at send time from the stored item: enrichment is deterministic, so a retry or a
    // restart posts the same card; "also covered by" is what the story cluster knows now.
    Story story = new Story(d.id(), d.story().feedUrl(), d.story().feedName(), d.story().item(),
        withCoverage(enricher.enrich(d.story().item(), d.story().feedName(), null), d.story().id()));
    progressed.incrementAndGet();
    try {
      // Only here, for the first post of an instant story: edits and digests are built without mentions.
      story = story.withMentions(mentions.forStory(d.channel(), d.story().item()));
    } catch (RuntimeException e) {
      // Posting without the ping would silently drop what the admin asked for: try again later instead.
      return handle(d, new DeliveryResult.RetryLater("cannot read the channel's topic mentions: " + e, null),
          problems, heldBack);
    }
    if (d.inDoubt()) {
      Optional<String> already;
      try {
        already = platform.findDelivered(story, d.channel(), d.createdAt());
      } catch (RuntimeException e) {
        handle(d, new DeliveryResult.RetryLater("cannot check whether an interrupted send already arrived: " + e, null),
            problems, heldBack);
        return false;
      }
      if (already.isPresent()) {
        log.info("Delivery {} to {} had already arrived (message {}) before a crash; recorded, not resent",
            d.id(), d.channel(), already.get());
        deliveries.markSent(d.id(), already.get(), clock.instant());
        record(d, "recovered");
        return true;
      }
    }
    return handle(d, deliverSafely(platform, story, d.channel()), problems, heldBack);
  }

  /** Stops the channel workers; safe to call more than once. */
  public void close() {
    workers.shutdownNow();
  }


  /** The card plus the other outlets of its story (story clustering), as known now. */
  private dev.newswire.news.Card withCoverage(dev.newswire.news.Card card, long itemId) {
    List<dev.newswire.news.SourceLink> others = deliveries.alsoCoveredBy(itemId);
    return others.isEmpty() ? card : card.withAlsoCoveredBy(others);
  }

  /**
   * Edits posted messages whose story gained outlets. The store coalesces edits (one row per message, at most one
   * edit a minute), so this only sends what is due; the card is rebuilt with every outlet known now.
   */
  public synchronized int dispatchEdits() {
    int edited = 0;
    for (dev.newswire.store.PendingEdit e : deliveries.dueEdits(clock.instant(), CLAIM_BATCH)) {
      ChatPlatform platform = platforms.get(e.channel().platform());
      if (platform == null) continue;
      Story story = new Story(e.deliveryId(), e.story().feedUrl(), e.story().feedName(), e.story().item(),
          withCoverage(enricher.enrich(e.story().item(), e.story().feedName(), null), e.story().id()));
      DeliveryResult result;
      try {
        result = platform.edit(e.channel(), e.messageId(), story);
      } catch (RuntimeException ex) {
        result = new DeliveryResult.RetryLater("unexpected error in " + platform.id() + ": " + ex, null);
      }
      if (result instanceof DeliveryResult.Sent) {
        deliveries.markEdited(e.id(), clock.instant());
        edited++;
      } else if (result instanceof DeliveryResult.RetryLater r && e.attempts() + 1 < MAX_ATTEMPTS) {
        deliveries.scheduleEditRetry(e.id(), r.reason(), clock.instant().plus(r.after() != null ? r.after() : backoff(e.attempts())));
      } else {
        String reason = result instanceof DeliveryResult.Failed f ? f.reason() : ((DeliveryResult.RetryLater) result).reason();
        deliveries.markEditFailed(e.id(), reason);
        log.warn("Edit of message {} in {} failed: {}", e.messageId(), e.channel(), reason);
      }
    }
    return edited;
  }

  /** Records a result; true when it was sent. */
  private boolean handle(PendingDelivery d, DeliveryResult result, Map<ChannelRef, String> problems,
      Set<ChannelRef> heldBack) {
    if (result instanceof DeliveryResult.Sent s) {
      deliveries.markSent(d.id(), s.messageId(), clock.instant());
      record(d, "sent");
      return true;
    }
    if (result instanceof DeliveryResult.RetryLater r) {
      heldBack.add(d.channel());
      if (d.attempts() + 1 >= MAX_ATTEMPTS) {
        deliveries.markFailed(d.id(), "Gave up after " + MAX_ATTEMPTS + " attempts; last error: " + r.reason());
        log.warn("Delivery {} to {} failed for good after {} attempts: {}", d.id(), d.channel(), MAX_ATTEMPTS, r.reason());
        record(d, "failed");
      } else {
        Instant next = clock.instant().plus(r.after() != null ? r.after() : backoff(d.attempts()));
        // Without a Retry-After the failure was a 5xx, a timeout or a network error: the message may have been
        // posted anyway, so the next attempt asks the platform first (a rate limit or pacing posted nothing).
        deliveries.scheduleRetry(d.id(), r.reason(), next, r.after() == null);
        log.info("Delivery {} to {} will be retried at {}: {}", d.id(), d.channel(), next, r.reason());
        record(d, "retried");
      }
      return false;
    }
    DeliveryResult.Failed f = (DeliveryResult.Failed) result;
    deliveries.markFailed(d.id(), f.reason());
    record(d, "failed");
    problems.put(d.channel(), f.reason());
    if (deliveries.recordChannelProblem(d.channel(), f.reason(), clock.instant())) {
      // Once per channel: later deliveries there are skipped (marked FAILED) until the problem is cleared.
      log.warn("Channel {} paused: delivery {} failed for good: {}", d.channel(), d.id(), f.reason());
      try {
        reporter.channelFailed(d.channel(), f.reason());
      } catch (RuntimeException e) {
        log.warn("Reporting the problem of {} failed", d.channel(), e);
      }
      deliveries.markProblemReported(d.channel());
    } else {
      log.info("Delivery {} to {} failed: {}", d.id(), d.channel(), f.reason());
    }
    return false;
  }

  private void record(PendingDelivery d, String result) {
    try {
      metrics.delivery(d.channel().platform(), result);
    } catch (RuntimeException e) {
      log.warn("Recording delivery metrics failed", e);
    }
  }

  private static DeliveryResult deliverSafely(ChatPlatform platform, Story story, ChannelRef channel) {
    try {
      return platform.deliver(story, channel);
    } catch (RuntimeException e) {
      return new DeliveryResult.RetryLater("unexpected error in " + platform.id() + ": " + e, null);
    }
  }

  /** Exponential with full jitter, so many channels failing together do not retry in lockstep. */
  static Duration backoff(int attempts) {
    long base = Math.min(MAX_BACKOFF.toMillis(), 2_000L << Math.min(attempts, 20));
    return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }
}
