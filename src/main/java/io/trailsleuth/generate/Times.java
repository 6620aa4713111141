package io.trailsleuth.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The time formats CloudTrail mixes: ISO event times, IAM's "Mar 2, 2026 9:00:00 AM", Lambda's "+0000". */
final class Times {
  private static final DateTimeFormatter IAM_DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STS_EXPIRATION =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LAMBDA_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter KEY_MINUTE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter KEY_SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter KEY_DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.US).withZone(ZoneOffset.UTC);

  private Times() {}

  /** "2026-03-02T09:00:00Z", to the second. */
  static String iso(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  static String iamDate(Instant time) {
    return IAM_DATE.format(time);
  }

  static String stsExpiration(Instant time) {
    return STS_EXPIRATION.format(time);
  }

  static String lambdaModified(Instant time, int millis) {
    return LAMBDA_MODIFIED.format(time.plusMillis(millis));
  }

  /** "20260302T0915Z", as in log file names. */
  static String keyMinute(Instant time) {
    return KEY_MINUTE.format(time);
  }

  /** "20260302T100112Z", as in digest file names. */
  static String keySecond(Instant time) {
    return KEY_SECOND.format(time);
  }

  /** "2026/03/02", the date folders of the S3 key layout. */
  static String keyDay(Instant time) {
    return KEY_DAY.format(time);
  }
}
