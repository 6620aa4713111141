package io.trailsleuth.report;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.ConflictingEvent;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.SourceCopy;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.query.ResultTable;
import java.util.List;
import java.util.Optional;

/**
 * What the report states about how it was made; nothing here depends on the wall clock.
 *
 * @param commandLine the command as the user ran it
 * @param toolVersion trailsleuth version
 * @param manifest what the report takes from the store's sources: the input manifest's hash, the log file layouts and
 *     the first SHA-256 of each cited file
 * @param rejectReasons the report_reject_reasons query result
 * @param coverageGaps the report_coverage_gaps query result
 * @param integrity the digest verification of the input archive, when it was run
 * @param conflicts events whose copies differ in content, with the findings that cite them
 * @param citedSources the copy of its source file each cited event was read from, as the evidence pack cites it
 */
public record ReportContext(String commandLine, String toolVersion, SourceManifest manifest, ResultTable rejectReasons,
    ResultTable coverageGaps, Optional<IntegrityReport> integrity, List<ConflictingEvent> conflicts,
    CitedSources citedSources) {
  public ReportContext {
    requireNonNull(commandLine, "commandLine is null");
    requireNonNull(toolVersion, "toolVersion is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(rejectReasons, "rejectReasons is null");
    requireNonNull(coverageGaps, "coverageGaps is null");
    requireNonNull(integrity, "integrity is null");
    conflicts = List.copyOf(conflicts);
    requireNonNull(citedSources, "citedSources is null");
  }

  /** True when the event has copies that differ in content. */
  public boolean hasConflictingCopies(String eventId) {
    return conflicts.stream().anyMatch(c -> c.eventId().equals(eventId));
  }

  /**
   * SHA-256 over the sorted "root/path sha256" lines of the files read for events (skipped files such as digests or
   * a report written into the archive do not change it).
   */
  public String manifestHash() {
    return manifest.sha256();
  }

  /**
   * The copy of its source file a cited event was read from; without a lookup (or for evidence the lookup does not
   * match), the file by its relative path alone, with the first SHA-256 the manifest lists for it.
   */
  public SourceCopy sourceOf(Evidence evidence) {
    return citedSources.sourceOf(evidence)
        .orElseGet(() -> new SourceCopy("", evidence.sourceFile(), sha256Of(evidence.sourceFile()), false));
  }

  /** What the digest check says of one copy of a source file: by input root when the copy is known. */
  public String integrityOf(SourceCopy source) {
    return integrity.map(report -> report.statusOf(source.inputRoot(), source.sourceFile()).code())
        .orElse("not checked");
  }

  /** The first SHA-256 the sources list for a cited file, by its relative path, or "" when unknown. */
  private String sha256Of(String sourceFile) {
    return manifest.firstSha256(sourceFile).orElse("");
  }
}
