package io.trailsleuth.pipeline;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.store.SourceEntry;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The accounting of one ingest: every file and record read, and where it went.
 *
 * @param runId the run written, or "" when nothing new was found
 * @param entries one manifest entry per file read in this run (new files and files that failed)
 * @param unchangedFiles files skipped because the store, or an earlier input with the same relative path in this run,
 *     holds a file with the same SHA-256
 * @param rejectsByReason rejected records per reason code
 * @param conflictingCopies duplicates whose content differs from the copy kept: counted among the duplicates and
 *     listed, with every version, in the store's {@code conflicts} view
 */
public record IngestSummary(String runId, List<SourceEntry> entries, int unchangedFiles,
    SortedMap<String, Long> rejectsByReason, long conflictingCopies) {
  public IngestSummary {
    requireNonNull(runId, "runId is null");
    entries = List.copyOf(entries);
    rejectsByReason = new TreeMap<>(rejectsByReason);
  }

  /** A summary without conflicting copies. */
  public IngestSummary(String runId, List<SourceEntry> entries, int unchangedFiles,
      SortedMap<String, Long> rejectsByReason) {
    this(runId, entries, unchangedFiles, rejectsByReason, 0);
  }

  public long recordsRead() {
    return entries.stream().mapToLong(SourceEntry::recordsRead).sum();
  }

  public long stored() {
    return entries.stream().mapToLong(SourceEntry::stored).sum();
  }

  public long duplicates() {
    return entries.stream().mapToLong(SourceEntry::duplicates).sum();
  }

  public long rejected() {
    return entries.stream().mapToLong(SourceEntry::rejected).sum();
  }

  /** Files read (or tried) this run: every entry but those the scope left out. */
  public long filesRead() {
    return entries.stream().filter(e -> !e.status().equals(IngestPipeline.OUT_OF_SCOPE)).count();
  }

  /** Files per status (ingested, skipped, rejected, unreadable, out-of-scope). */
  public SortedMap<String, Long> filesByStatus() {
    SortedMap<String, Long> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e.status(), 1L, Long::sum));
    return counts;
  }

  /** Skipped files per shape (digests, Config, other JSON). */
  public SortedMap<String, Long> skippedByShape() {
    SortedMap<String, Long> counts = new TreeMap<>();
    entries.stream().filter(e -> e.status().equals("skipped")).forEach(e -> counts.merge(e.shape(), 1L, Long::sum));
    return counts;
  }

  /** True when files were named but none could be read at all. */
  public boolean nothingReadable() {
    return unchangedFiles == 0 && entries.stream().noneMatch(e -> e.status().equals("ingested") || e.status().equals("skipped"));
  }

  /**
   * True when this run found nothing to store and nothing already stored: no file held an event or snapshot item (all
   * were skipped, out of scope, unreadable or rejected) and none was the same as a stored file.
   */
  public boolean nothingUsable() {
    return unchangedFiles == 0 && entries.stream().noneMatch(e -> e.stored() + e.duplicates() > 0
        || e.status().equals("snapshot"));
  }

  /** Rejects per reason as an unmodifiable map. */
  public Map<String, Long> rejectReasons() {
    return java.util.Collections.unmodifiableSortedMap(rejectsByReason);
  }
}
