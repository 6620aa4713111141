package io.trailsleuth.cli;

import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.store.StoreLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trailsleuth analyze}: finds broken and at-risk functions in an existing store. */
@Command(name = "analyze", description = "Analyse an existing case store and write the incident report.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth analyze --store acme.store --out report.md --json findings.json",
        "  trailsleuth analyze --store acme.store --verify ~/cases/acme/AWSLogs --out report.md"
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "DIR", description = "Case store directory.")
  Path store;

  @Option(names = "--verify", arity = "1..*", paramLabel = "PATH",
      description = "Also check the archive the store was ingested from (files or directories) against its digests, as"
          + " investigate does, and report the result.")
  List<String> verify = List.of();

  @Mixin
  AnalysisOutputs outputs;

  @Mixin
  DigestVerification digests;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    outputs.validate();
    digests.validate();
    if (verify.isEmpty() && digests.given()) {
      throw new UserException(ExitCode.USAGE, "--public-keys and --signatures check the digests of an archive: give"
          + " the archive with --verify PATH");
    }
    if (verify.contains("-")) {
      throw new UserException(ExitCode.USAGE, "--verify checks files against their digests; it cannot read standard input");
    }
    InputPaths.requireExisting(verify);
    OutputPaths archive = OutputPaths.outside(verify);
    archive.requireUsable(outputs);
    archive.requireTemporaryFilesOutside(false);
    // the store first: a wrong --store is reported before the archive is read
    StoreLayout layout = IgnoredRuns.open(store, spec.commandLine().getErr());
    Optional<IntegrityReport> integrity = verify.isEmpty() ? Optional.empty() : Optional.of(digests.verify(verify));
    boolean analysed = outputs.run(layout, CommandLines.describe(spec), integrity, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    return analysed ? ExitCode.OK : ExitCode.NOTHING_READ;
  }
}
