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
 * @param sourceFiles the report_source_files query result
 * @param rejectReasons the report_reject_reasons query result
 * @param coverageGaps the report_coverage_gaps query result
 * @param integrity the digest verification of the input archive, when it was run
 * @param conflicts events whose copies differ in content, with the findings that cite them
 * @param citedSources the copy of its source file each cited event was read from, as the evidence pack cites it
 */
public record ReportContext(String commandLine, String toolVersion, ResultTable sourceFiles, ResultTable rejectReasons,
    ResultTable coverageGaps, Optional<IntegrityReport> integrity, List<ConflictingEvent> conflicts,
    CitedSources citedSources) {
  public ReportContext {
    requireNonNull(commandLine, "commandLine is null");
    requireNonNull(toolVersion, "toolVersion is null");
    requireNonNull(sourceFiles, "sourceFiles is null");
    requireNonNull(rejectReasons, "rejectReasons is null");
    requireNonNull(coverageGaps, "coverageGaps is null");
    requireNonNull(integrity, "integrity is null");
    conflicts = List.copyOf(conflicts);
    requireNonNull(citedSources, "citedSources is null");
  }

  /** A context whose cited events' sources were not looked up: they are cited by relative path alone. */
  public ReportContext(String commandLine, String toolVersion, ResultTable sourceFiles, ResultTable rejectReasons,
      ResultTable coverageGaps, Optional<IntegrityReport> integrity, List<ConflictingEvent> conflicts) {
    this(commandLine, toolVersion, sourceFiles, rejectReasons, coverageGaps, integrity, conflicts, CitedSources.none());
  }

  /** A context without conflicting copies. */
  public ReportContext(String commandLine, String toolVersion, ResultTable sourceFiles, ResultTable rejectReasons,
      ResultTable coverageGaps, Optional<IntegrityReport> integrity) {
    this(commandLine, toolVersion, sourceFiles, rejectReasons, coverageGaps, integrity, List.of());
  }

  /** True when the event has copies that differ in content. */
  public boolean hasConflictingCopies(String eventId) {
    return conflicts.stream().anyMatch(c -> c.eventId().equals(eventId));
  }

  /** A context without coverage gaps or an integrity check. */
  public ReportContext(String commandLine, String toolVersion, ResultTable sourceFiles, ResultTable rejectReasons) {
    this(commandLine, toolVersion, sourceFiles, rejectReasons, new ResultTable(List.of(), List.of()), Optional.empty());
  }

  /**
   * SHA-256 over the sorted "root/path sha256" lines of the files read for events (skipped files such as digests or
   * a report written into the archive do not change it).
   */
  public String manifestHash() {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (var row : sourceFiles.rows()) {
        if ("skipped".equals(row.get(3))) {
          continue;
        }
        digest.update((row.get(0) + "/" + row.get(1) + " " + row.get(2) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /** The SHA-256 of a source file by its relative path, or "" when unknown. */
  private String sha256Of(String sourceFile) {
    return sourceFiles.rows().stream().filter(r -> sourceFile.equals(r.get(1))).map(r -> r.get(2)).findFirst().orElse("");
  }
}
