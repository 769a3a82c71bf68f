package dev.newswire.delivery;

import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.StoryEnricher;
import dev.newswire.store.DeliveryStore;
import dev.newswire.store.PendingDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
  private static final int BATCH = 500;
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final int MAX_ATTEMPTS = 20;

  private final DeliveryStore deliveries;
  private final Map<String, ChatPlatform> platforms;
  private final StoryEnricher enricher;
  private final Clock clock;
  private final PipelineMetrics metrics;

  public Dispatcher(DeliveryStore deliveries, Map<String, ChatPlatform> platforms, StoryEnricher enricher, Clock clock) {
    this(deliveries, platforms, enricher, clock, PipelineMetrics.NOOP);
  }

  public Dispatcher(DeliveryStore deliveries, Map<String, ChatPlatform> platforms, StoryEnricher enricher, Clock clock,
      PipelineMetrics metrics) {
    this.metrics = metrics;
    this.deliveries = deliveries;
    this.platforms = Map.copyOf(platforms);
    this.enricher = enricher;
    this.clock = clock;
  }

  /** Sends everything that is due now; returns how many were posted. Safe to call from one thread at a time. */
  public synchronized int dispatchDue() {
    int sent = 0;
    while (true) {
      List<PendingDelivery> due = deliveries.due(clock.instant(), BATCH);
      Set<ChannelRef> heldBack = new HashSet<>();
      int progressed = 0;
      for (PendingDelivery d : due) {
        if (heldBack.contains(d.channel())) continue;
        ChatPlatform platform = platforms.get(d.channel().platform());
        if (platform == null) {
          // The platform is not configured in this run (its token is unset): keep the delivery for a run that has it.
          heldBack.add(d.channel());
          continue;
        }
        // The card is built at send time from the stored item: enrichment is deterministic, so a retry or a
        // restart posts the same card.
        Story story = new Story(d.id(), d.story().feedUrl(), d.story().feedName(), d.story().item(),
            withCoverage(enricher.enrich(d.story().item(), d.story().feedName(), null), d.story().id()));
        DeliveryResult result = deliverSafely(platform, story, d.channel());
        progressed++;
        if (result instanceof DeliveryResult.Sent s) {
          deliveries.markSent(d.id(), s.messageId(), clock.instant());
          sent++;
          record(d, "sent");
        } else if (result instanceof DeliveryResult.RetryLater r) {
          heldBack.add(d.channel());
          if (d.attempts() + 1 >= MAX_ATTEMPTS) {
            deliveries.markFailed(d.id(), "Gave up after " + MAX_ATTEMPTS + " attempts; last error: " + r.reason());
            log.warn("Delivery {} to {} failed for good after {} attempts: {}", d.id(), d.channel(), MAX_ATTEMPTS, r.reason());
            record(d, "failed");
          } else {
            Instant next = clock.instant().plus(r.after() != null ? r.after() : backoff(d.attempts()));
            deliveries.scheduleRetry(d.id(), r.reason(), next);
            log.info("Delivery {} to {} will be retried at {}: {}", d.id(), d.channel(), next, r.reason());
            record(d, "retried");
          }
        } else if (result instanceof DeliveryResult.Failed f) {
          deliveries.markFailed(d.id(), f.reason());
          log.warn("Delivery {} to {} failed: {}", d.id(), d.channel(), f.reason());
          record(d, "failed");
        }
      }
      if (due.size() < BATCH || progressed == 0) {
        dispatchEdits();
        return sent;
      }
    }
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
    for (dev.newswire.store.PendingEdit e : deliveries.dueEdits(clock.instant(), BATCH)) {
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
