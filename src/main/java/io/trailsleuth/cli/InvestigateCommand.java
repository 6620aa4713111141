package io.trailsleuth.cli;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.RootedPath;
import io.trailsleuth.ingest.SharedWalk;
import io.trailsleuth.ingest.WalkAhead;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.StoreLayout;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailsleuth investigate}: ingest and analyse in one step, from raw logs to the incident report. */
@Command(name = "investigate", description = "Ingest CloudTrail logs and write the incident report in one step.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth investigate sample-logs --out report.md",
        "  trailsleuth investigate ~/cases/acme/AWSLogs --store acme.store --out report.md --json findings.json",
        "  trailsleuth investigate logs/ --json - | jq '.breakages[].functionArn'"
    })
public final class InvestigateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read, or - for standard input.")
  List<String> paths;

  @Option(names = "--store", paramLabel = "DIR", description = "Keep the case store here (default: a temporary store, deleted afterwards).")
  Path store;

  @Mixin
  IngestSettings settings;

  @Mixin
  AnalysisOutputs outputs;

  @Mixin
  DigestVerification digests;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    InputPaths.requireExisting(paths);
    digests.validate();
    outputs.validate();
    if (outputs.evidence != null && paths.contains("-")) {
      throw new UserException(ExitCode.USAGE, "--evidence copies each cited record from its source file, and standard"
          + " input (-) cannot be read again: save it to a file and name that file instead of -");
    }
    // the inputs are walked while the check of where outputs may go walks them for links, and the store opens
    WalkAhead inputsWalk = WalkAhead.start(paths);
    OutputPaths targets = OutputPaths.outside(paths);
    targets.requireUsable(outputs);
    targets.requireDirectory("--store", store);
    targets.requireTemporaryFilesOutside(store == null);
    // The digest check runs on its own thread beside the ingest: it takes the ingest's walk of the inputs, reads the
    // digests and checks chains and signatures while the ingest parses, then takes the log files' hashes from the
    // parser threads, which hash each file's decoded bytes as they inflate them, so no input is walked twice and no log
    // file is read or inflated twice (bench/README.md).
    // Standard input has no S3 key, so no digest covers it: the check notes that and its records cite as unverified,
    // while the file inputs beside it are checked as usual.
    DecodedContentHashes decodedHashes = DecodedContentHashes.collecting();
    SharedWalk walk = new SharedWalk();
    FutureTask<IntegrityReport> verification = new FutureTask<>(() -> digests.verify(walk, decodedHashes));
    Thread thread = new Thread(verification, "trailsleuth-verify");
    thread.setDaemon(true);
    thread.start();
    try (StoreDirectory directory = StoreDirectory.namedOrTemporary(store)) {
      Path target = directory.path();
      IngestOptions options = settings.options(paths, target);
      StoreLayout layout = CaseStore.createOrOpen(target);
      IngestSummary summary = IngestPipeline.run(layout, options, settings.progress(spec),
          () -> verifiedCopies(verification), decodedHashes, walk, inputsWalk);
      Optional<IntegrityReport> integrity = Optional.of(result(verification));
      boolean jsonToStdout = "-".equals(outputs.json);
      IngestSummaryPrinter.print(summary, directory,
          jsonToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut());
      IgnoredRuns.warn(layout, spec.commandLine().getErr());
      boolean analysed = outputs.run(layout, CommandLines.describe(spec), integrity, spec.commandLine().getOut(),
          spec.commandLine().getErr());
      IngestSummaryPrinter.printWhenNothingRead(summary, paths, spec.commandLine().getErr());
      return analysed ? settings.strictExitCode(summary) : ExitCode.NOTHING_READ;
    } finally {
      verification.cancel(true);
    }
  }

  /**
   * The copies of log files the digest check verified, for dedup to keep their copy of a repeated event; none when
   * the check failed (its failure is reported when its result is read).
   */
  private static Set<RootedPath> verifiedCopies(FutureTask<IntegrityReport> verification) {
    try {
      return new HashSet<>(verification.get().verifiedCopies());
    } catch (ExecutionException e) {
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }

  /** Waits for the digest check and rethrows what it threw. */
  private static IntegrityReport result(FutureTask<IntegrityReport> verification) throws Exception {
    try {
      return verification.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
