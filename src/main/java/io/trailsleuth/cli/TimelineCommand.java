package io.trailsleuth.cli;

import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.query.QueryRunner;
import io.trailsleuth.query.ResultTable;
import io.trailsleuth.report.TimelineFormat;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.StoreLayout;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trailsleuth timeline}: the merged, ordered story of roles, grants, function changes and Decrypt runs. */
@Command(name = "timeline", description = "Print the incident timeline: role lifecycle, Lambda grants, function changes "
    + "and Decrypt outcomes collapsed into runs.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth timeline --store acme.store --function billing-worker",
        "  trailsleuth timeline sample-logs --role billing-worker-exec --format markdown",
        "  trailsleuth timeline --store acme.store --since 2026-03-03T10:00:00Z --format timesketch > story.jsonl"
    })
public final class TimelineCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Logs to ingest into a temporary store (or use --store).")
  List<String> paths = List.of();

  @Option(names = "--store", paramLabel = "DIR", description = "An existing case store.")
  Path store;

  @Option(names = "--function", paramLabel = "NAME", description = "Only this function (and its role's lifecycle).")
  String function;

  @Option(names = "--role", paramLabel = "NAME", description = "Only this role.")
  String role;

  @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
  String account;

  @Option(names = "--since", paramLabel = "TIME", description = "From this UTC time (ISO 8601).")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Up to this UTC time (ISO 8601).")
  String until;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, markdown, csv, jsonl or timesketch (default: ${DEFAULT-VALUE}).")
  String format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TimelineFormat timelineFormat = FormatOption.parse(TimelineFormat.class, format);
    if ((store == null) == paths.isEmpty()) {
      throw new UserException(ExitCode.USAGE, "give either PATH... or --store DIR");
    }
    InputPaths.requireExisting(paths);
    if (store == null) {
      OutputPaths.outside(paths).requireTemporaryFilesOutside(true);
    }
    try (StoreDirectory directory = StoreDirectory.namedOrTemporary(store)) {
      Path target = directory.path();
      StoreLayout layout;
      if (store == null) {
        // raw logs: read only the log files that can hold events of the asked account and window
        FileScope scope = new FileScope(IngestSettings.utcTime(since, "--since"), IngestSettings.utcTime(until, "--until"),
            account == null ? Set.of() : Set.of(account), Set.of());
        IngestOptions options = IngestOptions.of(paths, target, scope);
        layout = CaseStore.createOrOpen(target);
        IngestSummary summary = IngestPipeline.run(layout, options, IngestProgress.SILENT);
        if (summary.nothingReadable()) {
          throw new UserException(ExitCode.NOTHING_READ, IngestSummaryPrinter.nothingRead(summary, paths));
        }
        if (summary.snapshotsOnly()) {
          throw new UserException(ExitCode.NOTHING_READ, IngestSummaryPrinter.snapshotsOnly(summary, paths));
        }
      } else {
        layout = IgnoredRuns.open(target, spec.commandLine().getErr());
      }
      Map<String, String> parameters = new HashMap<>();
      putIfSet(parameters, "account", account);
      putIfSet(parameters, "role", role);
      putIfSet(parameters, "function", function);
      putIfSet(parameters, "since", time(since, "--since"));
      putIfSet(parameters, "until", time(until, "--until"));
      ResultTable rows;
      try (Connection connection = CaseStore.connect(layout)) {
        AnalysisViews.installMaterialized(connection);
        rows = QueryRunner.run(connection, SqlFiles.get("timeline"), parameters);
      }
      spec.commandLine().getOut().print(timelineFormat.render(rows));
      return ExitCode.OK;
    }
  }

  private static void putIfSet(Map<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }

  private static String time(String value, String option) {
    Instant time = IngestSettings.utcTime(value, option);
    return time == null ? null : time.toString().replace("T", " ").replace("Z", "");
  }
}
