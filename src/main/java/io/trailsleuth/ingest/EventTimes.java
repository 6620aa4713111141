package io.trailsleuth.ingest;

import java.nio.charset.StandardCharsets;
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

  /** Stands for "not this spelling" where epoch seconds are returned; no four-digit year comes near it. */
  private static final long NOT_UTC_SECONDS = Long.MIN_VALUE;

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

  /**
   * Parses {@code length} bytes from {@code start} as {@link #parseMicros(String)} does the same text. CloudTrail's
   * own spelling, "yyyy-MM-ddTHH:mm:ssZ", is read from the bytes without a {@code String} or {@code java.time}; any
   * other spelling goes through {@link #parseMicros(String)}.
   *
   * @throws IllegalArgumentException when the text is not such a timestamp
   */
  public static long parseMicros(byte[] bytes, int start, int length) {
    long seconds = length == 20 ? utcSeconds(bytes, start) : NOT_UTC_SECONDS;
    if (seconds != NOT_UTC_SECONDS) {
      return seconds * 1_000_000L;
    }
    return parseMicros(new String(bytes, start, length, StandardCharsets.UTF_8));
  }

  /** The seconds of the 20 bytes from {@code start} as "yyyy-MM-ddTHH:mm:ssZ", or NOT_UTC_SECONDS. */
  private static long utcSeconds(byte[] bytes, int start) {
    if (bytes[start + 4] != '-' || bytes[start + 7] != '-' || bytes[start + 10] != 'T' || bytes[start + 13] != ':'
        || bytes[start + 16] != ':' || bytes[start + 19] != 'Z') {
      return NOT_UTC_SECONDS;
    }
    int year = digits(bytes, start, 4);
    int month = digits(bytes, start + 5, 2);
    int day = digits(bytes, start + 8, 2);
    int hour = digits(bytes, start + 11, 2);
    int minute = digits(bytes, start + 14, 2);
    int second = digits(bytes, start + 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return NOT_UTC_SECONDS;
    }
    return utcSeconds(year, month, day, hour, minute, second);
  }

  /** The value of {@code count} ASCII digits from {@code start}; -1 when one of them is not a digit. */
  private static int digits(byte[] bytes, int start, int count) {
    int value = 0;
    int outside = 0;
    for (int i = start; i < start + count; i++) {
      int digit = bytes[i] - '0';
      // negative once any byte is below '0' or above '9'
      outside |= digit | (9 - digit);
      value = value * 10 + digit;
    }
    return outside < 0 ? -1 : value;
  }

  private static long fastUtcSeconds(String t) {
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
      throw new IllegalArgumentException("not an ISO-8601 timestamp: " + t);
    }
    long seconds = utcSeconds(year, month, day, hour, minute, second);
    if (seconds == NOT_UTC_SECONDS) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp: " + t);
    }
    return seconds;
  }

  /**
   * Epoch seconds of a UTC date and time of four-digit years, or NOT_UTC_SECONDS when it does not exist: the checks
   * of {@code LocalDateTime.of} (no 24:00, no leap second, no February 29 outside leap years), computed directly.
   */
  private static long utcSeconds(int year, int month, int day, int hour, int minute, int second) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 59) {
      return NOT_UTC_SECONDS;
    }
    // days since 1970-01-01 of the proleptic Gregorian calendar, counted in years that start on March 1
    int shifted = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(shifted, 400);
    int yearOfEra = shifted - era * 400;
    int dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    long days = era * 146_097L + dayOfEra - 719_468;
    return days * 86_400 + hour * 3_600 + minute * 60 + second;
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
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
