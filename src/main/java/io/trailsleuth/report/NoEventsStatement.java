package io.trailsleuth.report;

import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says plainly that an analysis saw no CloudTrail event, and why, where a verdict would claim more than was checked. */
public final class NoEventsStatement {
  private NoEventsStatement() {}

  /** The statement when the findings rest on no event at all; empty when events were analysed. */
  public static Optional<String> of(Findings findings) {
    Coverage coverage = findings.coverage();
    if (coverage.events() > 0) {
      return Optional.empty();
    }
    return Optional.of("No CloudTrail events were analysed, so nothing can be said about any function: "
        + reason(coverage) + ".");
  }

  private static String reason(Coverage coverage) {
    long snapshotFiles = coverage.snapshotFiles();
    if (coverage.files() == 0 && coverage.outOfScopeFiles() > 0) {
      return "all " + coverage.outOfScopeFiles() + " CloudTrail log file(s) were outside the ingest's scope (--account, "
          + "--region, --since, --until), so none was read";
    }
    if (coverage.files() == 0) {
      // an ingest that read no file at all writes no run, so the store cannot tell these causes apart
      return "the store holds no file read by a completed ingest (every input was outside the ingest's scope "
          + "(--account, --region, --since, --until) or could not be opened, or every ingest was interrupted)";
    }
    List<String> parts = new ArrayList<>();
    if (coverage.skippedFiles() > 0) {
      parts.add(coverage.skippedFiles() + " held no CloudTrail events (digests or other non-CloudTrail files)");
    }
    if (snapshotFiles > 0) {
      parts.add(snapshotFiles + " held snapshot evidence only");
    }
    long other = coverage.files() - coverage.skippedFiles() - snapshotFiles;
    if (other > 0) {
      parts.add(other + " could not be read, were empty or had every record rejected (" + coverage.rejected()
          + " record(s) rejected)");
    }
    String reason = "of the " + coverage.files() + " file(s) read, " + String.join(", ", parts);
    if (coverage.outOfScopeFiles() > 0) {
      reason += "; " + coverage.outOfScopeFiles() + " CloudTrail log file(s) were outside the ingest's scope and not read";
    }
    return reason;
  }
}
