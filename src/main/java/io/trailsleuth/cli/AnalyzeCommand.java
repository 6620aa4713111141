package io.trailsleuth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trailsleuth analyze}: finds broken and at-risk functions in an existing store. */
@Command(name = "analyze", description = "Analyse an existing case store and write the incident report.",
    footerHeading = "%nExamples:%n",
    footer = {"  trailsleuth analyze --store acme.store --out report.md --json findings.json"})
public final class AnalyzeCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "DIR", description = "Case store directory.")
  Path store;

  @Mixin
  AnalysisOutputs outputs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    outputs.validate();
    outputs.run(IgnoredRuns.open(store, spec.commandLine().getErr()), CommandLines.describe(spec),
        java.util.Optional.empty(), spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
