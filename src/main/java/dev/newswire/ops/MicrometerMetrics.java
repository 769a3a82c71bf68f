package dev.newswire.ops;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.newswire.pipeline.PipelineMetrics;
import dev.newswire.pipeline.PollOutcome;
import dev.newswire.store.DeliveryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The Micrometer side of {@link PipelineMetrics}, scraped as Prometheus text at /metrics. */
public final class MicrometerMetrics implements PipelineMetrics, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public MicrometerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // Present from the start (at zero), so dashboards and ratios do not show gaps before the first poll.
    for (PollOutcome.Kind k : PollOutcome.Kind.values()) polled(k);
    itemsNew();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  /** For Database.open: HikariCP reports its pool (hikaricp_connections_*) into this registry. */
  public MetricsTrackerFactory poolMetrics() {
    return new MicrometerMetricsTrackerFactory(registry);
  }

  /** Outbox gauges, read from the store at scrape time. */
  public void bindOutbox(DeliveryStore deliveries, Clock clock) {
    Gauge.builder("newswire_outbox_pending", deliveries, d -> safe(() -> (double) d.countByStatus("PENDING")))
        .description("Deliveries waiting in the outbox").register(registry);
    Gauge.builder("newswire_outbox_oldest_pending_age_seconds", deliveries, d -> safe(() -> {
          Optional<Instant> oldest = d.oldestPendingCreatedAt();
          return oldest.map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        }))
        .description("Age of the oldest delivery waiting in the outbox (0 when empty)").register(registry);
  }

  private interface DoubleCall {
    double get() throws Exception;
  }

  private static double safe(DoubleCall call) {
    try {
      return call.get();
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private Counter polled(PollOutcome.Kind kind) {
    return Counter.builder("newswire_feed_polls").description("Polls of feeds by outcome")
        .tag("outcome", kind.name().toLowerCase(Locale.ROOT)).register(registry);
  }

  private Counter itemsNew() {
    return Counter.builder("newswire_items_new").description("New stories found and handed to delivery")
        .register(registry);
  }

  @Override
  public void pollFinished(PollOutcome outcome, Duration fetchTime) {
    polled(outcome.kind()).increment();
    if (outcome.newStories() > 0) itemsNew().increment(outcome.newStories());
    if (fetchTime != null) {
      Timer.builder("newswire_feed_fetch").description("Time to fetch a feed over HTTP")
          .tag("result", fetchResult(outcome.kind()))
          .register(registry).record(fetchTime);
    }
  }

  private static String fetchResult(PollOutcome.Kind kind) {
    return switch (kind) {
      case NOT_MODIFIED -> "not_modified";
      case FAILED -> "failed";
      default -> "changed";
    };
  }

  @Override
  public void delivery(String platform, String result) {
    Counter.builder("newswire_deliveries").description("Delivery attempts by platform and result")
        .tag("platform", platform).tag("result", result).register(registry).increment();
  }

  @Override
  public void command(String name, String outcome) {
    Counter.builder("newswire_commands").description("Chat command invocations by command and outcome")
        .tag("command", name).tag("outcome", outcome).register(registry).increment();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
