package io.trailsleuth.report;

import static io.trailsleuth.report.Remedies.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code aws s3 sync} commands that download one account's log files of one region for the days of a time window,
 * one day prefix at a time (so nothing outside those days is listed or downloaded), into the same layout locally.
 */
final class LogDownload {
  /** The placeholder for the trail's bucket, which no log file names. */
  static final String BUCKET = "TRAIL_BUCKET";
  /**
   * How long after an event its log file is taken to be delivered: a file's day prefix is its delivery day, and
   * CloudTrail delivers a file about 5 minutes after its events on average.
   */
  private static final Duration DELIVERY = Duration.ofHours(1);
  private static final DateTimeFormatter DAY_PREFIX = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private LogDownload() {}

  /**
   * One command per place the account's log files of the region lie: the days' files from
   * {@code s3://BUCKET/PREFIX/DAY/} to {@code ./PREFIX/DAY/}, with a comment on what to check or fill in.
   */
  static List<String> commands(TrailLayouts layouts, String accountId, String region, Instant from, Instant to,
      String why) {
    List<String> days = days(from, to);
    TrailLayouts.Layout layout = layouts.forAccount(accountId);
    List<String> commands = new ArrayList<>();
    List<String> leftOut = layouts.outOfScope(accountId, region, days);
    if (!leftOut.isEmpty()) {
      commands.add("# the inputs already hold " + region + " log files of " + Remedies.oneLine(accountId) + " for "
          + String.join(", ", leftOut) + ", left out by the scope options (--account, --region, --since, --until): "
          + "run again without them before downloading");
    }
    for (TrailLayouts.Location location : layouts.locations(layout, accountId, region)) {
      String source = "s3://" + (location.bucket() == null ? BUCKET : location.bucket()) + "/" + location.regionPrefix();
      String target = "./" + location.regionPrefix();
      String sync = days.size() == 1
          ? "aws s3 sync " + shell(source + days.get(0) + "/") + " " + shell(target + days.get(0) + "/")
          : "for day in " + String.join(" ", days) + "; do aws s3 sync " + shell(source) + "\"$day/\" " + shell(target)
              + "\"$day/\"; done";
      commands.add(sync + "   # " + why + "; " + fillIn(layout, location));
    }
    return commands;
  }

  /** The day prefixes (YYYY/MM/DD) of the log files that hold the window's events, in order. */
  static List<String> days(Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.plus(DELIVERY), ZoneOffset.UTC);
    List<String> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      days.add(DAY_PREFIX.format(day));
    }
    return days;
  }

  private static String fillIn(TrailLayouts.Layout layout, TrailLayouts.Location location) {
    String bucket = location.bucket() == null
        ? "replace " + BUCKET + " with the trail's bucket (and its key prefix, if it has one)"
        : "the bucket and key prefix are those the digest files read name: check that they are your trail's";
    return switch (layout.shown()) {
      case ACCOUNT_FILES -> bucket;
      case OTHER_ACCOUNTS -> bucket + "; the organisation trail's path is taken from the other accounts' log files";
      case NOTHING -> bucket + "; an organisation trail writes under AWSLogs/o-ORGANIZATION_ID/ instead";
    };
  }
}
