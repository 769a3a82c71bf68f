package dev.newswire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.news.ChannelRef;
import dev.newswire.subscription.Subscription;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Digest times are local wall-clock times: 09:00 in Berlin stays 09:00 across both daylight-saving changes. */
class DigestScheduleTest {
  private static Subscription sub(String mode, String time, String zone) {
    return Subscription.of(ChannelRef.CONSOLE, Subscription.ALL, null, mode, time, zone);
  }

  @Test
  void dailyAtNineBerlinAcrossSpringForward() {
    Subscription s = sub("daily", "09:00", "Europe/Berlin");
    // 2026-03-29 02:00 CET → 03:00 CEST
    assertThat(DigestSchedule.nextAfter(s, Instant.parse("2026-03-28T06:00:00Z"))).isEqualTo("2026-03-28T08:00:00Z");
    assertThat(DigestSchedule.nextAfter(s, Instant.parse("2026-03-28T08:00:00Z"))).isEqualTo("2026-03-29T07:00:00Z");
    assertThat(DigestSchedule.nextAfter(s, Instant.parse("2026-03-29T07:00:00Z"))).isEqualTo("2026-03-30T07:00:00Z");
  }

  @Test
  void dailyAtNineBerlinAcrossFallBack() {
    Subscription s = sub("daily", "09:00", "Europe/Berlin");
    // 2026-10-25 03:00 CEST → 02:00 CET
    assertThat(DigestSchedule.nextAfter(s, Instant.parse("2026-10-24T06:00:00Z"))).isEqualTo("2026-10-24T07:00:00Z");
    assertThat(DigestSchedule.nextAfter(s, Instant.parse("2026-10-24T07:00:00Z"))).isEqualTo("2026-10-25T08:00:00Z");
  }

  @Test
  void aTimeInTheSpringGapStillFiresOnceThatDay() {
    Subscription s = sub("daily", "02:30", "Europe/Berlin");
    Instant next = DigestSchedule.nextAfter(s, Instant.parse("2026-03-28T02:00:00Z"));
    assertThat(next).isAfter(Instant.parse("2026-03-28T23:00:00Z")).isBefore(Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(DigestSchedule.nextAfter(s, next)).isEqualTo("2026-03-30T00:30:00Z");
  }

  @Test
  void weeklyIsMondayAndUtcIsTheDefaultZone() {
    Subscription weekly = sub("weekly", "08:15", "America/New_York");
    assertThat(DigestSchedule.nextAfter(weekly, Instant.parse("2026-11-25T12:00:00Z"))).isEqualTo("2026-11-30T13:15:00Z");
    Subscription utc = sub("daily", null, null);
    assertThat(DigestSchedule.nextAfter(utc, Instant.parse("2026-11-25T12:00:00Z"))).isEqualTo("2026-11-26T09:00:00Z");
  }
}
