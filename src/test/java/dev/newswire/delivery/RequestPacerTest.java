package dev.newswire.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestPacerTest {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final List<Long> waits = new ArrayList<>();
  /** The sleeper advances the fake clock, as a real sleep would. */
  final RequestPacer pacer = new RequestPacer(Duration.ofMillis(20), now::get, nanos -> {
    waits.add(nanos / 1_000_000);
    now.addAndGet(nanos);
  });

  @Test
  void aBurstIsSpacedEvenly() throws InterruptedException {
    List<Long> sentAt = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pacer.acquire();
      sentAt.add(now.get() / 1_000_000);
    }
    assertThat(waits).containsExactly(20L, 20L, 20L, 20L);
    assertThat(sentAt).containsExactly(1000L, 1020L, 1040L, 1060L, 1080L);
  }

  @Test
  void idleTimeIsNotSavedUpForALaterBurst() throws InterruptedException {
    pacer.acquire();
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    pacer.acquire();
    pacer.acquire();
    assertThat(waits).as("after a quiet spell the next request goes at once, the one after waits its spacing")
        .containsExactly(20L);
  }

  @Test
  void neverMoreThanTheLimitInAnyOneSecondWindow() throws InterruptedException {
    RequestPacer fortyEight = new RequestPacer(Duration.ofNanos((long) Math.ceil(1e9 / 48)), now::get,
        nanos -> now.addAndGet(nanos));
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      if (i % 37 == 0) now.addAndGet(Duration.ofMillis(300).toNanos()); // pauses between bursts
      fortyEight.acquire();
      at.add(now.get());
    }
    int worst = 0;
    for (int i = 0, j = 0; i < at.size(); i++) {
      while (at.get(i) - at.get(j) >= 1_000_000_000L) j++;
      worst = Math.max(worst, i - j + 1);
    }
    assertThat(worst).isLessThanOrEqualTo(48);
  }

  @Test
  void zeroSpacingNeverWaits() throws InterruptedException {
    RequestPacer none = new RequestPacer(Duration.ZERO, now::get, nanos -> waits.add(nanos));
    for (int i = 0; i < 1000; i++) none.acquire();
    assertThat(waits).isEmpty();
  }
}
