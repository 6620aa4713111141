package io.trailsleuth.pipeline;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.store.SourceEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The accounting of one ingest: every file and record read, and where it went.
 *
 * @param runId the run written, or "" when nothing new was found
 * @param totals the files of this run's manifest (read, failed, or left out by the scope) by status, and their records,
 *     added up as their entries were written
 * @param unreadable the manifest entries of the inputs that could not be read at all, by input root and path
 * @param unchangedFiles files skipped because the store, or an earlier input with the same relative path in this run,
 *     holds a file with the same SHA-256
 * @param rejectsByReason rejected records per reason code
 * @param conflictingCopies duplicates whose content differs from the copy kept: counted among the duplicates and
 *     listed, with every version, in the store's {@code conflicts} view
 */
public record IngestSummary(String runId, SourceTotals totals, List<SourceEntry> unreadable, int unchangedFiles,
    SortedMap<String, Long> rejectsByReason, long conflictingCopies) {
  private static final Comparator<SourceEntry> ORDER =
      Comparator.comparing(SourceEntry::inputRoot).thenComparing(SourceEntry::sourceFile);

  public IngestSummary {
    requireNonNull(runId, "runId is null");
    requireNonNull(totals, "totals is null");
    unreadable = List.copyOf(unreadable);
    rejectsByReason = new TreeMap<>(rejectsByReason);
  }

  /** The summary of a run whose manifest entries are all at hand, without conflicting copies (the Spark ingest). */
  public static IngestSummary of(String runId, List<SourceEntry> entries, int unchangedFiles,
      SortedMap<String, Long> rejectsByReason) {
    SourceTotals.Tally tally = new SourceTotals.Tally();
    entries.forEach(tally::add);
    return new IngestSummary(runId, tally.totals(), unreadableOf(entries), unchangedFiles, rejectsByReason, 0);
  }

  /** The entries of inputs that could not be read at all, by input root and path. */
  static List<SourceEntry> unreadableOf(List<SourceEntry> entries) {
    return entries.stream().filter(e -> e.status().equals("unreadable")).sorted(ORDER).toList();
  }

  public long recordsRead() {
    return totals.recordsRead();
  }

  public long stored() {
    return totals.stored();
  }

  public long duplicates() {
    return totals.duplicates();
  }

  public long rejected() {
    return totals.rejected();
  }

  /** Files read (or tried) this run: every file but those the scope left out. */
  public long filesRead() {
    return totals.files() - totals.files(IngestPipeline.OUT_OF_SCOPE);
  }

  /** Files per status (ingested, skipped, rejected, unreadable, out-of-scope). */
  public SortedMap<String, Long> filesByStatus() {
    return totals.filesByStatus();
  }

  /** Skipped files per shape (digests, Config, other JSON). */
  public SortedMap<String, Long> skippedByShape() {
    return totals.skippedByShape();
  }

  /** True when files were named but none could be read at all (a file read as a snapshot was read). */
  public boolean nothingReadable() {
    return unchangedFiles == 0 && totals.files("ingested") + totals.files("skipped") + totals.files("snapshot") == 0;
  }

  /** True when every file read held snapshot evidence (AWS Config files, CLI outputs) and none a CloudTrail event. */
  public boolean snapshotsOnly() {
    return unchangedFiles == 0 && totals.files("snapshot") > 0 && totals.files("ingested") == 0;
  }

  /**
   * True when this run found nothing to store and nothing already stored: no file held an event or snapshot item (all
   * were skipped, out of scope, unreadable or rejected) and none was the same as a stored file.
   */
  public boolean nothingUsable() {
    return unchangedFiles == 0 && !totals.usable();
  }

  /** Rejects per reason as an unmodifiable map. */
  public Map<String, Long> rejectReasons() {
    return java.util.Collections.unmodifiableSortedMap(rejectsByReason);
  }
}
