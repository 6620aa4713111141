package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.List;

/**
 * What the logs cover: files, records and their accounting, log files an ingest's scope left out, time window,
 * accounts and regions, and the accounts whose IAM events (logged in us-east-1 only) are absent.
 */
public record Coverage(long files, long records, long events, long duplicates, long rejected, long skippedFiles,
    long snapshotFiles, long outOfScopeFiles,
    Instant firstEventTime, Instant lastEventTime, List<String> accounts, List<String> regions,
    List<String> accountsWithoutIamEvents) {
  public Coverage {
    accounts = accounts.stream().sorted().toList();
    regions = regions.stream().sorted().toList();
    accountsWithoutIamEvents = accountsWithoutIamEvents.stream().sorted().toList();
  }
}
