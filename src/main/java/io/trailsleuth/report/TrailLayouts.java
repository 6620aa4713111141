package io.trailsleuth.report;

import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.integrity.TrailBucket;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the trails behind the files read lay out each account's log files in their bucket, as the files' paths show
 * it: {@code AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/}, or {@code AWSLogs/o-ORGANIZATION/ACCOUNT/…} for an
 * organisation trail; and the bucket and key prefix, when the digest files read name them.
 */
final class TrailLayouts {
  /** Where an account's log files lie: which organisation paths hold them, and what shows it. */
  record Layout(List<String> organizationIds, Shown shown) {
    Layout {
      organizationIds = List.copyOf(organizationIds);
    }
  }

  /** What shows an account's layout. */
  enum Shown {
    /** the paths of the account's own log files */
    ACCOUNT_FILES,
    /** the paths of other accounts' log files only: the account is taken to share their organisation trail */
    OTHER_ACCOUNTS,
    /** no path read has the layout CloudTrail writes to S3 */
    NOTHING
  }

  /**
   * One place to download from.
   *
   * @param bucket the bucket with the trail's key prefix ({@code BUCKET[/PREFIX]}), or null when no digest names it
   * @param regionPrefix {@code AWSLogs/[o-ORGANIZATION/]ACCOUNT/CloudTrail/REGION/}
   */
  record Location(String bucket, String regionPrefix) {}

  /**
   * An account's log file from its {@code AWSLogs/} segment on: AWSLogs/[o-ORGANIZATION/]ACCOUNT/CloudTrail/REGION/
   * YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_… ({@link #logFilePath} tries it only where a path segment starts).
   */
  private static final Pattern LOG_FILE_PATH = Pattern.compile("AWSLogs/(?:(o-[a-z0-9]{10,32})/)?(\\d{12})"
      + "/CloudTrail/([a-z0-9-]+)/(\\d{4}/\\d{2}/\\d{2})/(\\d{12})_CloudTrail_([a-z0-9-]+)_[^/]*$");
  /** The sources status of a log file the scope options (--account, --region, --since, --until) left out. */
  private static final String OUT_OF_SCOPE = "out-of-scope";
  /** The organisation path of a trail without an organisation. */
  private static final String NO_ORGANIZATION = "";

  private final Map<String, SortedSet<String>> organizationsByAccount;
  private final Map<String, SortedSet<String>> outOfScopeDays;
  private final List<TrailBucket> buckets;

  private TrailLayouts(Map<String, SortedSet<String>> organizationsByAccount,
      Map<String, SortedSet<String>> outOfScopeDays, List<TrailBucket> buckets) {
    this.organizationsByAccount = organizationsByAccount;
    this.outOfScopeDays = outOfScopeDays;
    this.buckets = List.copyOf(buckets);
  }

  /** The layouts the paths of the files read show, and the buckets the digest files of the integrity check name. */
  static TrailLayouts of(ReportContext context) {
    return context.manifest().layouts()
        .withBuckets(context.integrity().map(IntegrityReport::trailBuckets).orElse(List.of()));
  }

  /** These layouts with the buckets the digest files of an integrity check name. */
  TrailLayouts withBuckets(List<TrailBucket> trailBuckets) {
    return new TrailLayouts(organizationsByAccount, outOfScopeDays, trailBuckets);
  }

  /** Collects the layouts from the sources' rows one at a time, so that no list of every file is held. */
  static final class Builder {
    private final Map<String, SortedSet<String>> organizationsByAccount = new TreeMap<>();
    private final Map<String, SortedSet<String>> outOfScopeDays = new TreeMap<>();

    /** One row of the sources: its input root, its path under that root and its status (null when not known). */
    void add(String inputRoot, String sourceFile, String status) {
      Matcher path = logFilePath(inputRoot + "/" + sourceFile);
      if (path != null && path.group(2).equals(path.group(5)) && path.group(3).equals(path.group(6))) {
        organizationsByAccount.computeIfAbsent(path.group(2), account -> new TreeSet<>())
            .add(path.group(1) == null ? NO_ORGANIZATION : path.group(1));
        if (OUT_OF_SCOPE.equals(status)) {
          outOfScopeDays.computeIfAbsent(path.group(2) + "/" + path.group(3), key -> new TreeSet<>()).add(path.group(4));
        }
      }
    }

    /** The layouts of the rows added, without buckets; they take this builder's maps, so add no rows after this. */
    TrailLayouts build() {
      return new TrailLayouts(organizationsByAccount, outOfScopeDays, List.of());
    }
  }

  /**
   * The path's log file layout from its first {@code AWSLogs/} segment that has it, or null. A search for the pattern
   * from every position of every path read took 10-20 ms of a report on 3,500 files; only the starts of {@code AWSLogs/}
   * segments can match.
   */
  private static Matcher logFilePath(String path) {
    Matcher matcher = LOG_FILE_PATH.matcher(path);
    for (int at = path.indexOf("AWSLogs/"); at >= 0; at = path.indexOf("AWSLogs/", at + 1)) {
      if ((at == 0 || path.charAt(at - 1) == '/') && matcher.region(at, path.length()).lookingAt()) {
        return matcher;
      }
    }
    return null;
  }

  /** Of these day prefixes (YYYY/MM/DD), those of the account's log files of the region that the scope left out. */
  List<String> outOfScope(String accountId, String region, List<String> days) {
    SortedSet<String> left = outOfScopeDays.getOrDefault(accountId + "/" + region, new TreeSet<>());
    return days.stream().filter(left::contains).toList();
  }

  /** The account's layout: from its own files, else the organisation trails of the other accounts, else unknown. */
  Layout forAccount(String accountId) {
    SortedSet<String> own = organizationsByAccount.get(accountId);
    if (own != null) {
      return new Layout(List.copyOf(own), Shown.ACCOUNT_FILES);
    }
    SortedSet<String> organizations = new TreeSet<>();
    organizationsByAccount.values().forEach(organizations::addAll);
    organizations.remove(NO_ORGANIZATION);
    return organizations.isEmpty() ? new Layout(List.of(NO_ORGANIZATION), Shown.NOTHING)
        : new Layout(List.copyOf(organizations), Shown.OTHER_ACCOUNTS);
  }

  /**
   * Where the account's log files of one region lie, one location per organisation path of its layout (sorted), with
   * the bucket when the digests read name exactly one for that account and path (or, for an organisation trail, for
   * that organisation).
   */
  List<Location> locations(Layout layout, String accountId, String region) {
    return layout.organizationIds().stream()
        .map(organization -> new Location(bucket(organization, accountId), "AWSLogs/"
            + (organization.isEmpty() ? "" : organization + "/") + segment(accountId) + "/CloudTrail/" + region + "/"))
        .toList();
  }

  /**
   * An account ID as one path segment: an ID from the logs that is not letters, digits and hyphens (no real one is)
   * has every other character replaced by '_', so it cannot climb out of the local download directory.
   */
  private static String segment(String accountId) {
    return accountId.replaceAll("[^A-Za-z0-9-]", "_");
  }

  private String bucket(String organization, String accountId) {
    List<String> named = named(organization, accountId, false);
    if (named.isEmpty() && !organization.isEmpty()) {
      named = named(organization, accountId, true);
    }
    return named.size() == 1 ? named.get(0) : null;
  }

  private List<String> named(String organization, String accountId, boolean anyAccount) {
    return buckets.stream()
        .filter(bucket -> bucket.organizationId().equals(organization) && (anyAccount || bucket.accountId().equals(accountId)))
        .map(bucket -> bucket.bucket() + (bucket.keyPrefix().isEmpty() ? "" : "/" + bucket.keyPrefix()))
        .distinct().sorted().toList();
  }
}
