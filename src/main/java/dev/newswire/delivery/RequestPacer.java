package dev.newswire.delivery;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly so that a platform's global limit is used but never exceeded. Reacting to 429s instead
 * costs more than the limit gives: Discord's global 429 stops every request for a whole second, so a bot that
 * bursts to 50 and waits achieves far less than 50/s. Each caller reserves the next free slot under a lock and
 * sleeps outside it, so callers on many threads are served in order without holding each other up longer than
 * the spacing.
 */
public final class RequestPacer {
  private final long spacingNanos;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private long nextSlot;

  /** How a pacer waits; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  public RequestPacer(Duration spacing, LongSupplier nanoClock, Sleeper sleeper) {
    if (spacing.isNegative()) throw new IllegalArgumentException("spacing must not be negative");
    this.spacingNanos = spacing.toNanos();
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
    this.nextSlot = nanoClock.getAsLong();
  }

  /** At most {@code perSecond} requests in any one-second window, evenly spaced. */
  public static RequestPacer perSecond(double perSecond) {
    return new RequestPacer(Duration.ofNanos((long) Math.ceil(1e9 / perSecond)), System::nanoTime,
        nanos -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos));
  }

  /** A pacer that never waits (tests of other behaviour, fakes without limits). */
  public static RequestPacer unlimited() {
    return new RequestPacer(Duration.ZERO, System::nanoTime, nanos -> { });
  }

  /** Waits for this caller's slot. */
  public void acquire() throws InterruptedException {
    if (spacingNanos == 0) return;
    long slot;
    long now = nanoClock.getAsLong();
    synchronized (this) {
      slot = Math.max(now, nextSlot);
      nextSlot = slot + spacingNanos;
    }
    long wait = slot - now;
    if (wait > 0) sleeper.sleepNanos(wait);
  }
}
