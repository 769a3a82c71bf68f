package dev.newswire.digest;

import dev.newswire.subscription.Subscription;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a digest subscription is due: a wall-clock time in the subscription's own time zone, so "09:00
 * Europe/Berlin" stays 09:00 local across daylight-saving changes. A time that does not exist on the day of the
 * spring change (02:30 in Berlin) fires once, shifted forward by the gap (03:30), and a time that happens twice in
 * autumn fires once, at the first. Quartz's CronExpression skips such a day altogether, which would silently drop
 * a digest, so the due time is computed with java.time; Quartz only provides the minute tick that checks it.
 */
public final class DigestSchedule {
  public static final DayOfWeek WEEKLY_DAY = DayOfWeek.MONDAY;

  private DigestSchedule() {}

  /** The first due time strictly after the given instant. */
  public static Instant nextAfter(Subscription s, Instant after) {
    ZoneId zone = ZoneId.of(s.timezone() == null ? "UTC" : s.timezone());
    LocalTime time = LocalTime.parse(s.time() == null ? "09:00" : s.time());
    boolean weekly = "weekly".equals(s.mode());
    LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
    for (int i = 0; i < 16; i++, day = day.plusDays(1)) {
      if (weekly && day.getDayOfWeek() != WEEKLY_DAY) continue;
      Instant candidate = ZonedDateTime.of(day, time, zone).toInstant();
      if (candidate.isAfter(after)) return candidate;
    }
    throw new IllegalStateException("no digest time found after " + after);
  }
}
