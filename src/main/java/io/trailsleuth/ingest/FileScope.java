package io.trailsleuth.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which CloudTrail log files an ingest reads, judged from the file name alone, as Athena's partition projection
 * prunes S3 keys: the accounts, the regions and a time window. A file whose name is not a CloudTrail log file name is
 * always read. Pruning is by whole file: every event of a file that is read is stored, also outside the window.
 *
 * @param since read no file all of whose events are earlier than this (null: no lower bound)
 * @param until read no file delivered more than {@link #LATE_DELIVERY} after this (null: no upper bound)
 * @param accounts read only these accounts' files (empty: every account)
 * @param regions read only these regions' files (empty: every region)
 */
public record FileScope(Instant since, Instant until, Set<String> accounts, Set<String> regions) {
  /** Every file. */
  public static final FileScope EVERYTHING = new FileScope(null, null, Set.of(), Set.of());

  /**
   * A file holds events from before its delivery, usually minutes, but late deliveries happen: files delivered up to
   * this long after {@code until} are still read.
   */
  public static final Duration LATE_DELIVERY = Duration.ofHours(24);

  public FileScope {
    accounts = Set.copyOf(accounts);
    regions = Set.copyOf(regions);
    if (since != null && until != null && until.isBefore(since)) {
      throw new IllegalArgumentException("--until " + until + " is before --since " + since);
    }
  }

  /** True when some file may be left out. */
  public boolean narrowed() {
    return since != null || until != null || !accounts.isEmpty() || !regions.isEmpty();
  }

  /** Why the file at this relative path is left out, or empty when it is to be read. */
  public Optional<String> exclusion(String relativePath) {
    if (!narrowed()) {
      return Optional.empty();
    }
    Optional<LogFileName> parsed = LogFileName.parse(relativePath);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    LogFileName name = parsed.get();
    if (!accounts.isEmpty() && !accounts.contains(name.accountId())) {
      return Optional.of("account " + name.accountId() + " is not among --account " + String.join(",", new TreeSet<>(accounts)));
    }
    if (!regions.isEmpty() && !regions.contains(name.region())) {
      return Optional.of("region " + name.region() + " is not among --region " + String.join(",", new TreeSet<>(regions)));
    }
    // delivered within the named minute, so every event is earlier than the minute's end
    if (since != null && !name.deliveredMinute().plusSeconds(60).isAfter(since)) {
      return Optional.of("delivered in the minute " + name.deliveredMinute() + ", so every event is before --since " + since);
    }
    if (until != null && name.deliveredMinute().isAfter(until.plus(LATE_DELIVERY))) {
      return Optional.of("delivered at " + name.deliveredMinute() + ", more than " + LATE_DELIVERY.toHours()
          + " h after --until " + until);
    }
    return Optional.empty();
  }
}
