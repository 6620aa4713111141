package io.trailsleuth.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the timestamp spellings that occur in CloudTrail and its exports into epoch microseconds. */
public final class EventTimes {
  private static final DateTimeFormatter OFFSET_FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /** IAM's createDate, e.g. "Aug 1, 2024 1:37:41 PM", always UTC. */
  private static final DateTimeFormatter IAM_FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("MMM d, yyyy h:mm:ss a")
          .toFormatter(Locale.ENGLISH);

  private EventTimes() {}

  /**
   * Parses ISO-8601 with 'T' or a space, optional fraction, and 'Z', an offset or none (taken as UTC).
   *
   * @throws IllegalArgumentException when the text is not such a timestamp
   */
  public static long parseMicros(String text) {
    if (text.length() == 20 && text.charAt(10) == 'T' && text.charAt(19) == 'Z') {
      return fastUtcSeconds(text) * 1_000_000L;
    }
    String normalised = text.trim();
    if (normalised.length() > 10 && normalised.charAt(10) == ' ') {
      normalised = normalised.substring(0, 10) + 'T' + normalised.substring(11);
    }
    try {
      var parsed = OFFSET_FORMAT.parseBest(normalised, OffsetDateTime::from, LocalDateTime::from);
      Instant instant =
          parsed instanceof OffsetDateTime offset
              ? offset.toInstant()
              : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp: " + Texts.abbreviate(text, 60));
    }
  }

  /** Parses IAM's "MMM d, yyyy h:mm:ss a" or ISO-8601; returns null when neither fits. */
  public static Instant parseLenient(String text) {
    if (text == null) {
      return null;
    }
    try {
      long micros = parseMicros(text);
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    } catch (IllegalArgumentException e) {
      try {
        return LocalDateTime.parse(text.trim(), IAM_FORMAT).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static long fastUtcSeconds(String t) {
    try {
      int year = digits(t, 0, 4);
      int month = digits(t, 5, 2);
      int day = digits(t, 8, 2);
      int hour = digits(t, 11, 2);
      int minute = digits(t, 14, 2);
      int second = digits(t, 17, 2);
      if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
        throw new IllegalArgumentException("not an ISO-8601 timestamp: " + t);
      }
      return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp: " + t);
    }
  }

  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not an ISO-8601 timestamp: " + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
