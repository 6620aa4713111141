package io.trailsleuth.cli;

import io.trailsleuth.common.TerminalText;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.store.SourceEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Prints the accounting of an ingest so that the counts visibly add up. */
final class IngestSummaryPrinter {
  /** How many unreadable inputs are named one by one; the rest are counted. */
  private static final int MAX_NAMED = 10;

  private IngestSummaryPrinter() {}

  static void print(IngestSummary summary, StoreDirectory store, PrintWriter out) {
    print(summary, store.label(), store.temporary() ? null : store.path().toString(), out);
  }

  /**
   * The same for a store named by a location, such as the Spark ingest's {@code s3a://…}; {@code queryStore} is what
   * a {@code query --store} names, null for a temporary store.
   */
  static void print(IngestSummary summary, String label, String queryStore, PrintWriter out) {
    out.printf("store:      %s%s%n", label, summary.runId().isEmpty() ? " (nothing new; unchanged)" : " (" + summary.runId() + ")");
    // every breakdown adds up to the number before it: found, then read, then skipped
    SortedMap<String, Long> read = new TreeMap<>(summary.filesByStatus());
    long outOfScope = read.getOrDefault(IngestPipeline.OUT_OF_SCOPE, 0L);
    read.remove(IngestPipeline.OUT_OF_SCOPE);
    out.printf("files:      %d found = %d read this run%s + %d not read again (same content as a file already stored or"
        + " read in this run)%n", summary.filesRead() + outOfScope + summary.unchangedFiles(), summary.filesRead(),
        outOfScope == 0 ? "" : " + " + outOfScope + " out of scope (left out by name: --account, --region, --since, --until)",
        summary.unchangedFiles());
    if (!read.isEmpty()) {
      out.printf("  of the %d read: %s%n", summary.filesRead(), String.join(" + ", read.entrySet().stream()
          .map(entry -> entry.getValue() + " " + entry.getKey()).toList()));
    }
    summary.skippedByShape().forEach((shape, count) -> out.printf("    skipped %s: %d%n", shape, count));
    out.printf("records:    %d read = %d stored + %d duplicates + %d rejected%n", summary.recordsRead(),
        summary.stored(), summary.duplicates(), summary.rejected());
    if (summary.conflictingCopies() > 0) {
      out.printf("  of the duplicates, %d conflicting: same eventID, different content; every version is listed in the "
          + "conflicts view and the report%n", summary.conflictingCopies());
    }
    summary.rejectReasons().forEach((reason, count) -> out.printf("  rejected %s: %d%n", reason, count));
    List<SourceEntry> unreadable = summary.unreadable();
    unreadable.stream().limit(MAX_NAMED).forEach(e -> out.printf("  not read: %s%n", TerminalText.value(e.detail())));
    if (unreadable.size() > MAX_NAMED) {
      out.printf("  not read: %d more (see the sources view)%n", unreadable.size() - MAX_NAMED);
    }
    if (summary.nothingUsable()) {
      out.println("nothing stored: no input file held a CloudTrail event or snapshot item that could be stored");
    }
    if (summary.rejected() > 0 && queryStore == null) {
      out.println("see: the report's coverage section for the reasons; to query each reject, run again with --store DIR");
    } else if (summary.rejected() > 0) {
      out.printf("see: trailsleuth query --store %s \"select source_file, source_record, reason from rejects\"%n",
          queryStore);
    }
  }

  /** Prints, when nothing could be read from {@code paths}, the one line that says why to {@code err}. */
  static void printWhenNothingRead(IngestSummary summary, List<String> paths, PrintWriter err) {
    if (summary.nothingReadable()) {
      err.println("trailsleuth: " + nothingRead(summary, paths));
    }
  }

  /** The one line that says why nothing could be read from {@code paths}, for exit code 3. */
  static String nothingRead(IngestSummary summary, List<String> paths) {
    String from = "nothing could be read from " + String.join(" ", paths) + ": ";
    if (summary.filesByStatus().isEmpty()) {
      return from + "no input files were found there";
    }
    if (summary.filesByStatus().keySet().equals(Set.of(IngestPipeline.OUT_OF_SCOPE))) {
      return from + "every file is outside --since, --until, --account and --region";
    }
    return from + "every file was rejected or could not be read, for the reasons counted above";
  }

  /** The one line that says {@code paths} held snapshot files and no CloudTrail event, for exit code 3. */
  static String snapshotsOnly(IngestSummary summary, List<String> paths) {
    return "no CloudTrail events in " + String.join(" ", paths) + ": the " + summary.filesRead()
        + " file(s) read held snapshot evidence only (AWS Config files or CLI outputs); investigate reads them beside"
        + " the logs";
  }
}
