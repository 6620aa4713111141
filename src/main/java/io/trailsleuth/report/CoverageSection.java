package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.code;
import static io.trailsleuth.report.Durations.time;

import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.SnapshotFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report's "Coverage and limits" section: window, accounts, regions, accounting, gaps and assumptions. */
final class CoverageSection {
  private static final int MAX_GAPS = 20;
  private static final int MAX_SNAPSHOT_FILES = 20;

  private CoverageSection() {}

  static void write(StringBuilder out, Coverage c, List<SnapshotFile> snapshots, ReportContext context,
      TrailLayouts layouts) {
    line(out, "## Coverage and limits");
    line(out, "");
    line(out, "- Time window: " + (c.firstEventTime() == null ? "none (no events)"
        : time(c.firstEventTime()) + " to " + time(c.lastEventTime())));
    line(out, "- Accounts: " + (c.accounts().isEmpty() ? "none" : cell(String.join(", ", c.accounts()))));
    line(out, "- Regions: " + (c.regions().isEmpty() ? "none" : cell(String.join(", ", c.regions()))));
    // the parts add up to the files read; the log files the scope left out are counted under Narrowed
    line(out, "- Files: " + c.files() + " read = " + (c.files() - c.skippedFiles() - c.snapshotFiles())
        + " read for CloudTrail events (their records are counted below) + " + c.skippedFiles()
        + " skipped (digests or other non-CloudTrail files) + " + c.snapshotFiles() + " read as snapshot evidence");
    // the first ones only, as every list here: one line per file of a Config history made the report grow with the
    // inputs (50,000 files: a 13 MB report; 100,000 outgrew the launcher's heap); the findings JSON lists them all
    for (SnapshotFile file : snapshots.subList(0, Math.min(MAX_SNAPSHOT_FILES, snapshots.size()))) {
      line(out, "  - snapshot " + cell(file.kind()) + ": " + SourceCitation.proseFile(
          context.citedSources().snapshotFile(file.sourceFile(), file.sha256())) + " (" + file.items()
          + (file.items() == 1 ? " item" : " items") + "; no capture time is taken from a CLI output or its file time)");
    }
    if (snapshots.size() > MAX_SNAPSHOT_FILES) {
      line(out, "  - … " + (snapshots.size() - MAX_SNAPSHOT_FILES) + " more snapshot file(s): the findings JSON's "
          + "`snapshots` lists every one, `trailsleuth query --store DIR --name snapshot_items` their items (with "
          + "`investigate`, give `--store DIR` to keep them)");
    }
    if (c.outOfScopeFiles() > 0) {
      line(out, "- **Narrowed:** " + c.outOfScopeFiles() + " CloudTrail log file(s) were not read: the ingest's `--account`, "
          + "`--region`, `--since` or `--until` left them out by their names. Events in them are not in this analysis; "
          + "`trailsleuth query --store DIR \"select source_file, detail from sources where status = 'out-of-scope'\"` "
          + "lists them.");
    }
    line(out, "- Records: " + c.records() + " read = " + c.events() + " stored events + " + c.duplicates()
        + " duplicates + " + c.rejected() + " rejected");
    rejects(out, context.rejectReasons().rows());
    gaps(out, context);
    for (String account : c.accountsWithoutIamEvents()) {
      line(out, "- **IAM events absent for account " + cell(account) + ":** no role creation or deletion of that account "
          + "can be seen here. Collect its `us-east-1` log files (" + usEast1Prefixes(layouts, account)
          + " for the incident window), or `aws cloudtrail lookup-events --region us-east-1` output, and AWS Config "
          + "history of `AWS::IAM::Role` if Config records global resources.");
    }
    if (!c.regions().contains("us-east-1")) {
      line(out, "- **Warning:** no `us-east-1` events are present. IAM is a global service whose events are recorded in "
          + "us-east-1, so role deletions and re-creations may be missing from this analysis.");
    }
    line(out, "- Assumed: a Lambda execution-role session's name is the function name; a grant is bound to the role "
        + "generation live when it was made; denied Decrypts are `AccessDenied`, `AccessDeniedException`, "
        + "`KMSAccessDeniedException` or `UnrecognizedClientException`.");
    line(out, "");
  }

  /**
   * Each reject reason with its count and its first rejects (rows of report_reject_reasons: reason, count, file,
   * record, byte offset, reason text, which names the record and byte offset, and the file's input root where its path
   * is ambiguous), so that a damaged record can be found without the store.
   */
  private static void rejects(StringBuilder out, List<List<String>> rows) {
    Map<String, List<List<String>>> byReason = rows.stream()
        .collect(Collectors.groupingBy(row -> row.get(0), LinkedHashMap::new, Collectors.toList()));
    byReason.forEach((reason, listed) -> {
      long count = Long.parseLong(listed.get(0).get(1));
      line(out, "  - rejected " + cell(reason) + ": " + count);
      listed.forEach(row -> line(out, "    - " + SourceCitation.proseFile(row.get(2), row.get(6)) + ": "
          + cell(row.get(5))));
      if (count > listed.size()) {
        line(out, "    - … " + (count - listed.size()) + " more: `trailsleuth query --store DIR \"select source_file, "
            + "source_record, byte_offset, reason from rejects where reason_code = '" + reason + "'\"` (with "
            + "`investigate`, give `--store DIR` to keep them)");
      }
    });
  }

  private static void gaps(StringBuilder out, ReportContext context) {
    List<List<String>> rows = context.coverageGaps().rows();
    if (rows.isEmpty()) {
      line(out, "- Hours without events: none; every account and region has events in every hour of the window.");
      return;
    }
    long hours = rows.stream().mapToLong(r -> Long.parseLong(r.get(4))).sum();
    line(out, "- Hours without events: " + hours + " hour(s) in " + rows.size() + " run(s). CloudTrail writes no log file "
        + "for an hour without events, so a gap is not proof that logs were removed; the digest chain (Evidence "
        + "integrity) is the authority.");
    int shown = 0;
    for (List<String> row : rows) {
      if (shown++ == MAX_GAPS) {
        line(out, "  - … " + (rows.size() - MAX_GAPS) + " more run(s): `trailsleuth query --store DIR --name report_coverage_gaps`");
        break;
      }
      line(out, "  - " + cell(row.get(0)) + " " + cell(row.get(1)) + ": " + row.get(2) + " to " + row.get(3) + " (" + row.get(4) + " h)");
    }
  }

  /** Where the account's us-east-1 log files lie in the trail's bucket, as the paths read show its layout. */
  private static String usEast1Prefixes(TrailLayouts layouts, String account) {
    TrailLayouts.Layout layout = layouts.forAccount(account);
    String prefixes = String.join(" or ", layouts.locations(layout, account, "us-east-1").stream()
        .map(location -> code(location.regionPrefix())).toList());
    return layout.shown() == TrailLayouts.Shown.NOTHING ? prefixes + ", or `AWSLogs/o-ORGANIZATION_ID/…` for an "
        + "organisation trail," : prefixes;
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }
}
