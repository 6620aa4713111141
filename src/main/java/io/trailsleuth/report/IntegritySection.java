package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.code;

import io.trailsleuth.integrity.ChainBreak;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.integrity.MissingFile;
import io.trailsleuth.integrity.TamperedFile;
import java.util.Optional;

/** The report's "Evidence integrity" section: whether the log files match their CloudTrail digests. */
final class IntegritySection {
  private static final int MAX_LISTED = 20;

  private IntegritySection() {}

  static void write(StringBuilder out, Optional<IntegrityReport> integrity) {
    out.append("## Evidence integrity\n\n");
    if (integrity.isEmpty()) {
      out.append("Not checked: this report was made from an existing store, not from the archive. Run "
          + "`trailsleuth verify ARCHIVE` (or `investigate`) to check the log files against their digests.\n\n");
      return;
    }
    IntegrityReport report = integrity.get();
    if (report.digestsChecked() == 0) {
      out.append("Not checked: no CloudTrail digest file is among the inputs of this run, so no log file was checked "
          + "against a digest. Evidence is marked `unverified` when its log file was read here and `not checked` when "
          + "it was not (a file of an earlier ingest into the store, or one not named as CloudTrail names log files). "
          + "Download the `CloudTrail-Digest/` prefix with the logs and give it with them to make them verifiable.\n\n");
      return;
    }
    out.append(report.failed() ? "**Problems found.** " : "All checks passed. ")
        .append(report.digestsChecked()).append(" digest file(s) checked; ")
        .append(report.verifiedFiles().size()).append(" log file(s) verified, ")
        .append(report.tampered().size()).append(" tampered, ")
        .append(report.missing().size()).append(" missing, ")
        .append(report.unlisted().size()).append(" not listed in any digest; ")
        .append(report.chainBreaks().size()).append(" chain break(s).\n\n");
    int listed = 0;
    for (TamperedFile file : report.tampered()) {
      if (listed++ < MAX_LISTED) {
        out.append("- **Tampered:** ").append(code(file.path())).append(": ").append(cell(file.detail())).append('\n');
      }
    }
    for (MissingFile file : report.missing()) {
      if (listed++ < MAX_LISTED) {
        out.append("- **Missing:** ").append(code(file.s3Object())).append(" (listed in ").append(code(file.digest()))
            .append(")\n");
      }
    }
    for (ChainBreak chainBreak : report.chainBreaks()) {
      if (listed++ < MAX_LISTED) {
        out.append("- **Chain break** (").append(cell(chainBreak.kind().code())).append(") at ")
            .append(code(chainBreak.digest())).append(": ").append(cell(chainBreak.detail())).append('\n');
      }
    }
    if (listed > MAX_LISTED) {
      out.append("- … ").append(listed - MAX_LISTED).append(" more: run `trailsleuth verify` for the full list.\n");
    }
    if (listed > 0) {
      out.append('\n');
    }
    out.append(cell(report.signatures().checked() ? "Digest signatures were checked." : report.signatures().explanation()))
        .append("\n\n");
  }
}
