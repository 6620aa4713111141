package io.trailsleuth.cli;

import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.pipeline.IngestSummary;
import java.nio.file.Path;
import java.util.List;
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

  IngestOptions options(List<String> paths, Path store) {
    int parserThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (parserThreads < 1) {
      throw new UserException(ExitCode.USAGE, "--threads must be at least 1");
    }
    return new IngestOptions(paths, store, parserThreads, maxDecompressedBytes, IngestOptions.DEFAULT_MEMORY_LIMIT);
  }

  IngestProgress progress(CommandSpec spec) {
    return quiet ? IngestProgress.SILENT : ProgressReporter.forTerminal(spec.commandLine().getErr());
  }

  /** 3 when nothing could be read, 4 for rejects under --strict, else 0. */
  int exitCode(IngestSummary summary) {
    if (summary.nothingReadable()) {
      return ExitCode.NOTHING_READ;
    }
    if (strict && summary.rejected() > 0) {
      return ExitCode.REJECTED_STRICT;
    }
    return ExitCode.OK;
  }
}
