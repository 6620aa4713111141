package io.trailsleuth.pipeline;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.store.SourceEntry;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one ingest run by manifest status, and their records, added up from their manifest entries as those are
 * written, so that no entry need be kept until the run ends.
 *
 * @param filesByStatus files per status (ingested, skipped, rejected, snapshot, unreadable, out-of-scope)
 * @param skippedByShape skipped files per shape (digests, Config, other JSON)
 * @param recordsRead records read, rejects included
 * @param stored records stored as new events
 * @param duplicates records whose event the store already held or that repeated one in this run
 * @param rejected records rejected
 * @param usable true when a file held an event that could be stored (new or a duplicate) or snapshot items
 */
public record SourceTotals(SortedMap<String, Long> filesByStatus, SortedMap<String, Long> skippedByShape,
    long recordsRead, long stored, long duplicates, long rejected, boolean usable) {
  public SourceTotals {
    filesByStatus = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(filesByStatus, "filesByStatus is null")));
    skippedByShape = Collections.unmodifiableSortedMap(
        new TreeMap<>(requireNonNull(skippedByShape, "skippedByShape is null")));
    if (recordsRead != stored + duplicates + rejected) {
      throw new IllegalArgumentException("read " + recordsRead + " != stored " + stored + " + duplicates " + duplicates
          + " + rejected " + rejected);
    }
  }

  /** Files with any status. */
  public long files() {
    return filesByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Files of one status. */
  public long files(String status) {
    return filesByStatus.getOrDefault(status, 0L);
  }

  /** Adds up manifest entries, from any thread. */
  public static final class Tally {
    private final SortedMap<String, Long> filesByStatus = new TreeMap<>();
    private final SortedMap<String, Long> skippedByShape = new TreeMap<>();
    private long recordsRead;
    private long stored;
    private long duplicates;
    private long rejected;
    private boolean usable;

    /** Counts one file's manifest entry. */
    public synchronized void add(SourceEntry entry) {
      filesByStatus.merge(entry.status(), 1L, Long::sum);
      if (entry.status().equals("skipped")) {
        skippedByShape.merge(entry.shape(), 1L, Long::sum);
      }
      recordsRead += entry.recordsRead();
      stored += entry.stored();
      duplicates += entry.duplicates();
      rejected += entry.rejected();
      usable |= entry.stored() + entry.duplicates() > 0 || entry.status().equals("snapshot");
    }

    /** The records the entries counted as stored or duplicates: those their files handed on as events. */
    public synchronized long handedOn() {
      return stored + duplicates;
    }

    /** The totals as the entries counted them. */
    public synchronized SourceTotals totals() {
      return totals(stored);
    }

    /**
     * The totals once deduplication stored {@code storedEvents} of the records the entries handed on: the rest are
     * duplicates.
     */
    public synchronized SourceTotals totals(long storedEvents) {
      return new SourceTotals(filesByStatus, skippedByShape, recordsRead, storedEvents, stored + duplicates - storedEvents,
          rejected, usable);
    }
  }
}
