package io.trailsleuth.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats times and durations the way an incident report states them (UTC, no wall clock). */
final class Durations {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Durations() {}

  static String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant) + " UTC";
  }

  /** "at T" for a single moment, else "between A and B": a run of one failure has no span. */
  static String span(Instant from, Instant to) {
    return isMoment(from, to) ? "at " + time(from) : "between " + time(from) + " and " + time(to);
  }

  /** {@link #span}, with the duration after a span: "between A and B (duration)". */
  static String spanWithDuration(Instant from, Instant to) {
    return span(from, to) + (isMoment(from, to) ? "" : " (" + between(from, to) + ")");
  }

  /** "at T" for a single moment, else "from A to B". */
  static String range(Instant from, Instant to) {
    return isMoment(from, to) ? "at " + time(from) : "from " + time(from) + " to " + time(to);
  }

  private static boolean isMoment(Instant from, Instant to) {
    return from != null && from.equals(to);
  }

  static String between(Instant from, Instant to) {
    if (from == null || to == null) {
      return "—";
    }
    Duration duration = Duration.between(from, to);
    if (duration.isNegative()) {
      // a report never states a negative duration: the times are out of order, so no duration is stated
      return "—";
    }
    long minutes = duration.toMinutes();
    if (minutes < 1) {
      return duration.toSeconds() + " s";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    if (hours < 48) {
      return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
    return (hours / 24) + " d " + (hours % 24) + " h";
  }
}
