package io.trailsleuth.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a CloudTrail log file's name, {@code ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz}: the
 * account and region whose events it holds, and the minute CloudTrail delivered it.
 */
public record LogFileName(String accountId, String region, Instant deliveredMinute) {
  private static final Pattern NAME =
      Pattern.compile("^(\\d{12})_CloudTrail_([a-z0-9-]+)_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json(\\.gz)?$");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

  /** The parts of the last segment of a path or S3 key, when it has the CloudTrail log file shape. */
  public static Optional<LogFileName> parse(String pathOrKey) {
    Matcher matcher = NAME.matcher(pathOrKey.substring(pathOrKey.lastIndexOf('/') + 1));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      Instant minute = LocalDateTime.parse(matcher.group(3), MINUTE).toInstant(ZoneOffset.UTC);
      return Optional.of(new LogFileName(matcher.group(1), matcher.group(2), minute));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
