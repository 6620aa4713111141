package io.trailsleuth.cli;

import io.trailsleuth.generate.ArchiveGenerator;
import io.trailsleuth.generate.GenerateOptions;
import io.trailsleuth.generate.GenerateSummary;
import io.trailsleuth.generate.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trailsleuth generate}: writes a deterministic synthetic CloudTrail archive for demos and benchmarks. */
@Command(name = "generate",
    description = "Write a synthetic CloudTrail organisation-trail archive (log files, digests) from a seed.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth generate --scenario recreated-role --seed 7 --events 5000 --out sample-logs",
        "  trailsleuth generate --scenario noise --seed 1 --events 5000000 --days 7 --out /tmp/bench-logs",
        "",
        "The same arguments always give byte-identical files. Digests are unsigned (the signature is a placeholder).",
        "Scenarios: recreated-role (a Lambda execution role re-created by Terraform on day 2), noise."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "recreated-role",
      description = "Story to tell: recreated-role or noise (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--events", paramLabel = "N", defaultValue = "5000",
      description = "Total records, story included (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write AWSLogs/ into.")
  Path out;

  @Option(names = "--start", paramLabel = "INSTANT", defaultValue = "2026-03-02T00:00:00Z",
      description = "First instant covered, UTC (default: ${DEFAULT-VALUE}).")
  String start;

  @Option(names = "--days", paramLabel = "D", defaultValue = "3", description = "Days covered (default: ${DEFAULT-VALUE}).")
  int days;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Scenario chosen = Scenario.fromCliName(scenario).orElseThrow(() -> new UserException(ExitCode.USAGE,
        "unknown --scenario '" + scenario + "'; choose one of " + Arrays.stream(Scenario.values())
            .map(Scenario::cliName).collect(Collectors.joining(", "))));
    GenerateSummary summary;
    try {
      summary = ArchiveGenerator.generate(new GenerateOptions(chosen, seed, events, out, parseStart(), days));
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
    PrintWriter printer = spec.commandLine().getOut();
    printer.printf("wrote %d records (%d from the %s story) in %d log files, %d digest files and %d other file under %s%n",
        summary.events(), summary.storyEvents(), chosen.cliName(), summary.logFiles(), summary.digestFiles(),
        summary.otherFiles(), out);
    return ExitCode.OK;
  }

  private Instant parseStart() {
    try {
      return Instant.parse(start);
    } catch (DateTimeParseException e) {
      throw new UserException(ExitCode.USAGE, "--start must be an ISO instant such as 2026-03-02T00:00:00Z, not '"
          + start + "'");
    }
  }
}
