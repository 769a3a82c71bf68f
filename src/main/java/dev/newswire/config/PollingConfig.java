package dev.newswire.config;

import java.time.Duration;

/**
 * When and how hard feeds are polled.
 *
 * @param interval     default time between two polls of a feed
 * @param threads      feeds polled at the same time
 * @param maxFailures  consecutive failures after which a feed is paused
 * @param maxBackoff   longest wait between two attempts of a failing feed
 * @param retention    how long an item no longer in its feed is remembered (so it is not new again if it returns)
 */
public record PollingConfig(Duration interval, Integer threads, Integer maxFailures, Duration maxBackoff, Duration retention) {
  public PollingConfig {
    interval = interval == null ? Duration.ofMinutes(15) : interval;
    threads = threads == null ? 8 : threads;
    maxFailures = maxFailures == null ? 10 : maxFailures;
    maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
    retention = retention == null ? Duration.ofDays(90) : retention;
  }

  public static PollingConfig defaults() {
    return new PollingConfig(null, null, null, null, null);
  }
}
