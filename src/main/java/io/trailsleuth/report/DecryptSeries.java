package io.trailsleuth.report;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.query.QueryRunner;
import io.trailsleuth.query.ResultTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Outcomes (one function's Decrypts, or a role's calls on a resource) counted per time bucket over a chart window.
 *
 * @param from start of the first bucket
 * @param bucketSeconds width of a bucket
 * @param succeeded successful Decrypts per bucket, one entry per bucket in the window
 * @param denied denied Decrypts per bucket
 * @param succeededOutside successful Decrypts before or after the window
 * @param deniedOutside denied Decrypts before or after the window
 */
record DecryptSeries(Instant from, long bucketSeconds, List<Long> succeeded, List<Long> denied, long succeededOutside,
    long deniedOutside) {
  private static final long[] WIDTHS = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800};
  private static final int MAX_BUCKETS = 64;
  private static final DateTimeFormatter ORIGIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  DecryptSeries {
    requireNonNull(from, "from is null");
    succeeded = List.copyOf(succeeded);
    denied = List.copyOf(denied);
    if (succeeded.size() != denied.size() || succeeded.isEmpty()) {
      throw new IllegalArgumentException("a series needs the same number (at least one) of succeeded and denied buckets");
    }
  }

  /** Start of the bucket after the last one. */
  Instant to() {
    return from.plusSeconds(bucketSeconds * succeeded.size());
  }

  /** The largest bucket total. */
  long peak() {
    long peak = 0;
    for (int i = 0; i < succeeded.size(); i++) {
      peak = Math.max(peak, succeeded.get(i) + denied.get(i));
    }
    return peak;
  }

  /** Counts one function's Decrypts over a window of whole buckets that covers start to end. */
  static DecryptSeries load(Connection connection, String account, String region, String function, Instant start,
      Instant end) throws SQLException {
    return load(connection, "report_decrypt_series", Map.of("account", account, "region", region, "function", function),
        start, end);
  }

  /**
   * Counts outcomes over a window of whole buckets that covers start to end, with a series query that takes
   * {@code bucket_origin} and {@code bucket_seconds} besides its own parameters and returns bucket, succeeded, denied.
   */
  static DecryptSeries load(Connection connection, String queryId, Map<String, String> parameters, Instant start,
      Instant end) throws SQLException {
    long span = Math.max(60, end.getEpochSecond() - start.getEpochSecond());
    long width = WIDTHS[WIDTHS.length - 1];
    for (long candidate : WIDTHS) {
      if (span / candidate < MAX_BUCKETS) {
        width = candidate;
        break;
      }
    }
    Instant from = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), width) * width);
    int count = (int) Math.max(1, (end.getEpochSecond() - from.getEpochSecond() + width) / width);
    Map<String, String> bound = new java.util.HashMap<>(parameters);
    bound.put("bucket_origin", ORIGIN.format(from));
    bound.put("bucket_seconds", Long.toString(width));
    ResultTable rows = QueryRunner.run(connection, SqlFiles.get(queryId), bound);
    List<Long> succeeded = new ArrayList<>(java.util.Collections.nCopies(count, 0L));
    List<Long> denied = new ArrayList<>(java.util.Collections.nCopies(count, 0L));
    long succeededOutside = 0;
    long deniedOutside = 0;
    for (List<String> row : rows.rows()) {
      long bucket = Long.parseLong(row.get(0));
      long ok = Long.parseLong(row.get(1));
      long no = Long.parseLong(row.get(2));
      if (bucket < 0 || bucket >= count) {
        succeededOutside += ok;
        deniedOutside += no;
      } else {
        succeeded.set((int) bucket, ok);
        denied.set((int) bucket, no);
      }
    }
    return new DecryptSeries(from, width, succeeded, denied, succeededOutside, deniedOutside);
  }
}
