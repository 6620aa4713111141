package io.trailsleuth.cli;

import static io.trailsleuth.common.TerminalText.value;

import io.trailsleuth.analysis.Analyzer;
import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.ConflictImpact;
import io.trailsleuth.analysis.ConflictingEvent;
import io.trailsleuth.analysis.ConflictingEvents;
import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.RoleChangeTime;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.evidence.EvidenceException;
import io.trailsleuth.evidence.EvidencePack;
import io.trailsleuth.evidence.StreamedText;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.query.QueryRunner;
import io.trailsleuth.report.FindingsJson;
import io.trailsleuth.report.HtmlReport;
import io.trailsleuth.report.MarkdownReport;
import io.trailsleuth.report.NoEventsStatement;
import io.trailsleuth.report.ReportContext;
import io.trailsleuth.report.SourceManifest;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.trailsleuth.integrity.IntegrityReport;
import picocli.CommandLine.Option;

/** The output options shared by {@code analyze} and {@code investigate}, and the code that writes them. */
public final class AnalysisOutputs {
  @Option(names = "--out", paramLabel = "FILE", description = "Write the markdown incident report here.")
  Path markdown;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the findings JSON here; - for standard output.")
  String json;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the incident report as one self-contained HTML page (inline SVG charts, printable) here.")
  Path html;

  @Option(names = "--evidence", paramLabel = "DIR", description = "Write an evidence pack here (a new or empty directory): "
      + "the cited records as they stand in their sources, the report, the findings JSON, the digest files that cover "
      + "them and MANIFEST.sha256.")
  Path evidence;

  /** Refuses an evidence directory that cannot be used, before any work is done. */
  void validate() throws IOException {
    if (evidence != null) {
      try {
        EvidencePack.checkTarget(evidence);
      } catch (EvidenceException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      }
    }
  }

  /**
   * Analyses the store, writes the requested outputs and prints a short summary; false when the store held no event
   * to analyse (the outputs say so and why).
   */
  boolean run(StoreLayout layout, String commandLine, Optional<IntegrityReport> integrity, PrintWriter out,
      PrintWriter err) throws SQLException, IOException {
    Findings findings;
    List<ConflictingEvent> conflicts;
    CitedSources sources;
    ReportContext context;
    Optional<String> markdownText;
    StreamedText findingsJson;
    EvidencePack.Summary pack = null;
    UserException packFailure = null;
    try (Connection connection = CaseStore.connect(layout)) {
      AnalysisViews.installMaterialized(connection);
      ConflictImpact.Result adjusted = ConflictImpact.apply(Analyzer.analyze(connection), ConflictingEvents.load(connection));
      findings = adjusted.findings();
      conflicts = adjusted.conflicts();
      // looked up once: the report, the JSON and the pack cite the same copy of each source file
      sources = CitedSources.load(connection, findings);
      // written to each target as it is made, never held whole: its integrity block lists log files by the 100,000
      findingsJson = writer -> FindingsJson.write(findings, integrity, conflicts, sources, writer);
      context = new ReportContext(commandLine, VersionProvider.version(), SourceManifest.read(connection, findings),
          QueryRunner.run(connection, SqlFiles.get("report_reject_reasons"), Map.of()),
          QueryRunner.run(connection, SqlFiles.get("report_coverage_gaps"), Map.of()), integrity, conflicts, sources);
      // rendered once for --out, --html and the pack; small at any number of input files (its lists are capped)
      markdownText = markdown == null && html == null && evidence == null ? Optional.empty()
          : Optional.of(MarkdownReport.render(findings, context));
      Optional<String> htmlText = html == null ? Optional.empty()
          : Optional.of(HtmlReport.render(connection, findings, context, markdownText.get()));
      if (html != null) {
        Files.writeString(html, htmlText.get(), StandardCharsets.UTF_8);
      }
      if (evidence != null) {
        try {
          pack = writePack(connection, sources, new EvidencePack.Outputs(markdownText.get(), htmlText, findingsJson));
        } catch (UserException e) {
          // every report is still written; the pack's failure is the command's result after them
          packFailure = e;
        }
      }
    }
    if (markdown != null) {
      Files.writeString(markdown, markdownText.get(), StandardCharsets.UTF_8);
    }
    Optional<String> noEvents = NoEventsStatement.of(findings);
    if ("-".equals(json)) {
      findingsJson.writeTo(out);
      noEvents.ifPresent(err::println);
    } else {
      if (json != null) {
        try (Writer file = Files.newBufferedWriter(Path.of(json), StandardCharsets.UTF_8)) {
          findingsJson.writeTo(file);
        }
      }
      summary(findings, conflicts, out);
      noEvents.ifPresent(out::println);
      if (pack != null) {
        out.printf("evidence pack: %s (%d records, %d digest files); check it with: cd %s && sha256sum -c %s%n",
            pack.directory(), pack.records(), pack.digests(), pack.directory(), "MANIFEST.sha256");
      }
    }
    if (packFailure != null) {
      throw packFailure;
    }
    return noEvents.isEmpty();
  }

  private EvidencePack.Summary writePack(Connection connection, CitedSources sources, EvidencePack.Outputs outputs)
      throws SQLException, IOException {
    try {
      return EvidencePack.write(evidence, connection, sources, outputs);
    } catch (EvidenceException e) {
      throw new UserException(ExitCode.NOTHING_READ, "cannot write the evidence pack: " + e.getMessage());
    }
  }

  /** A re-creation's time for the summary lines: the time, or its bound when only sightings show it. */
  private static String recreated(RoleChangeTime created) {
    return created == null ? "at an unknown time (inferred)" : created.exact() ? created.at().toString()
        : "before " + created.before() + " (time inferred from sightings)";
  }

  private void summary(Findings findings, List<ConflictingEvent> conflicts, PrintWriter out) {
    Coverage coverage = findings.coverage();
    if (coverage.firstEventTime() == null) {
      out.printf("events analysed: %d%n", coverage.events());
    } else {
      out.printf("events analysed: %d (%s to %s)%n", coverage.events(), coverage.firstEventTime(),
          coverage.lastEventTime());
    }
    out.printf("broken functions: %d, at risk: %d, unexplained denied principals: %d, deleted roles: %d%n",
        findings.breakages().size(), findings.atRisk().size(), findings.unexplainedDecryptFailures().size(),
        findings.deletedRoles().size());
    // names and IDs come from the logs: their control characters are escaped before they reach the terminal
    for (Breakage b : findings.breakages()) {
      out.printf("  %s %s (%s): role %s re-created %s (%s -> %s); %d failed cold start%s; %s%n", b.status(),
          value(b.functionArn()), b.confidence().label(), value(b.roleName()), recreated(b.roleRecreated()),
          b.oldRoleId() == null ? "unknown" : value(b.oldRoleId()), value(b.newRoleId()), b.failedDecrypts(),
          b.failedDecrypts() == 1 ? "" : "s", b.remediatedAt() == null ? "not remediated" : "remediated " + b.remediatedAt());
    }
    findings.atRisk().forEach(r -> out.printf("  at risk %s: grant bound to %s, role now %s%n", value(r.functionArn()),
        value(r.oldRoleId()), value(r.newRoleId())));
    findings.policyDrift().forEach(d -> out.printf("  policy %s %s %s: role %s re-created %s (%s -> %s); %d denied calls%n",
        d.status().label(), value(d.resourceType()), value(d.resourceArn()), value(d.roleName()),
        recreated(d.roleRecreated()), value(d.oldRoleId()), value(d.newRoleId()), d.deniedCalls()));
    if (!conflicts.isEmpty()) {
      out.printf("conflicting copies: %d event IDs have copies with different content (%d cited by a finding); "
          + "see the report's evidence integrity section%n", conflicts.size(),
          conflicts.stream().filter(c -> !c.citedBy().isEmpty()).count());
    }
    if (markdown != null) {
      out.println("report: " + markdown);
    }
    if (json != null) {
      out.println("findings: " + json);
    }
  }
}
