package io.trailsleuth.cli;

import io.trailsleuth.ingest.WalkAhead;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.StoreLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trailsleuth ingest}: reads CloudTrail logs into a case store. */
@Command(name = "ingest", description = "Read CloudTrail logs (files, directories, .gz, any export shape) into a case store.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth ingest ~/cases/acme/AWSLogs --store acme.store",
        "  aws cloudtrail lookup-events --output json | trailsleuth ingest - --store acme.store",
        "",
        "Every record read is counted as stored, duplicate or rejected; the counts add up per file and in total.",
        "Ingesting again adds only files the store has not read (by SHA-256)."
    })
public final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read, or - for standard input.")
  List<String> paths;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "Case store directory (created if missing).")
  Path store;

  @Mixin
  IngestSettings settings;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // the inputs are walked while the check of where the store may go walks them for links, and the store opens
    WalkAhead walk = WalkAhead.start(paths);
    OutputPaths.outside(paths).requireDirectory("--store", store);
    IngestOptions options = settings.options(paths, store);
    StoreLayout layout = CaseStore.createOrOpen(store);
    IgnoredRuns.warn(layout, spec.commandLine().getErr());
    IngestSummary summary = IngestPipeline.run(layout, options, settings.progress(spec), walk);
    IngestSummaryPrinter.print(summary, StoreDirectory.named(store), spec.commandLine().getOut());
    IngestSummaryPrinter.printWhenNothingRead(summary, paths, spec.commandLine().getErr());
    return settings.exitCode(summary);
  }
}
