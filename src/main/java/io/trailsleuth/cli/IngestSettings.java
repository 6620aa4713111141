package io.trailsleuth.cli;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.pipeline.IngestSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The ingest options shared by {@code ingest} and {@code investigate}. */
public final class IngestSettings {
  @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: one per core).")
  Integer threads;

  @Option(names = "--max-decompressed-bytes", paramLabel = "BYTES",
      description = "Reject a file that inflates past this many bytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "4294967296")
  long maxDecompressedBytes;

  @Option(names = "--strict", description = "Exit with code 4 when any record was rejected.")
  boolean strict;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Read no CloudTrail log file whose name shows all its events are before this UTC time (ISO 8601).")
  String since;

  @Option(names = "--until", paramLabel = "TIME",
      description = "Read no CloudTrail log file delivered more than 24 h after this UTC time (ISO 8601).")
  String until;

  @Option(names = "--account", paramLabel = "ID", split = ",",
      description = "Read only these accounts' CloudTrail log files (repeat, or separate with commas).")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--region", paramLabel = "REGION", split = ",",
      description = "Read only these regions' CloudTrail log files (repeat, or separate with commas).")
  List<String> regions = new ArrayList<>();

  IngestOptions options(List<String> paths, Path store) {
    int parserThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (parserThreads < 1) {
      throw new UserException(ExitCode.USAGE, "--threads must be at least 1");
    }
    if (maxDecompressedBytes < 1) {
      throw new UserException(ExitCode.USAGE, "--max-decompressed-bytes must be a positive number of bytes, not "
          + maxDecompressedBytes);
    }
    return new IngestOptions(paths, store, parserThreads, maxDecompressedBytes, IngestOptions.DEFAULT_MEMORY_LIMIT, scope());
  }

  /** The files to read, from --since, --until, --account and --region; judged from the log files' names. */
  private FileScope scope() {
    for (String account : accounts) {
      if (!account.matches("\\d{12}")) {
        throw new UserException(ExitCode.USAGE, "--account must be a 12-digit AWS account ID, not '" + account + "'");
      }
    }
    for (String region : regions) {
      if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
        throw new UserException(ExitCode.USAGE, "--region must be an AWS region name such as us-east-1, not '" + region + "'");
      }
    }
    try {
      return new FileScope(utcTime(since, "--since"), utcTime(until, "--until"), Set.copyOf(accounts), Set.copyOf(regions));
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }

  /** An ISO 8601 UTC time given on the command line, or null when the option was not given. */
  static Instant utcTime(String value, String option) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new UserException(ExitCode.USAGE, option + " must be an ISO 8601 UTC time such as 2026-03-03T10:00:00Z");
    }
  }

  IngestProgress progress(CommandSpec spec) {
    return quiet ? IngestProgress.SILENT : ProgressReporter.forTerminal(spec.commandLine().getErr());
  }

  /** 3 when the inputs held no event or snapshot to store, 4 for rejects under --strict, else 0. */
  int exitCode(IngestSummary summary) {
    return summary.nothingUsable() ? ExitCode.NOTHING_READ : strictExitCode(summary);
  }

  /** 4 for rejects under --strict, else 0. */
  int strictExitCode(IngestSummary summary) {
    return strict && summary.rejected() > 0 ? ExitCode.REJECTED_STRICT : ExitCode.OK;
  }
}
