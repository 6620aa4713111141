package io.trailsleuth.cli;

import io.trailsleuth.integrity.IntegrityJson;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.integrity.IntegrityStatus;
import io.trailsleuth.integrity.IntegritySummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailsleuth verify}: checks a downloaded CloudTrail archive offline against its digest files. */
@Command(name = "verify",
    description = "Verify a downloaded CloudTrail archive offline against its digest files: log file hashes, the digest"
        + " chain (missing, moved and malformed digests, gaps) and, given keys and signatures, digest signatures.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth verify ~/cases/acme/AWSLogs",
        "  trailsleuth verify ~/cases/acme --public-keys keys.json \\",
        "      --signatures signatures.json --json integrity.json",
        "",
        "--public-keys takes the output of 'aws cloudtrail list-public-keys'.",
        "--signatures takes a JSON object mapping each digest's S3 key to its",
        "x-amz-meta-signature (from 'aws s3api head-object'). Files are only read.",
        "",
        "Exit codes: 0 all checks passed; 5 tampering, missing files, chain breaks",
        "or bad signatures were found; 3 no digest file was found, so nothing was checked;",
        "2 usage error."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Archive files or directories to verify.")
  List<String> paths;

  @Mixin
  DigestVerification digests;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the result as JSON to this file; - for standard output (the summary then goes to standard error).")
  Path jsonFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    InputPaths.requireExisting(paths);
    boolean jsonToStdout = jsonFile != null && jsonFile.toString().equals("-");
    if (!jsonToStdout) {
      OutputPaths.outside(paths).requireFile("--json", jsonFile);
    }
    IntegrityReport report = digests.verify(paths);
    IntegritySummary.print(report, jsonToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut());
    if (jsonFile != null) {
      try {
        if (jsonToStdout) {
          spec.commandLine().getOut().print(IntegrityJson.toText(report));
        } else {
          IntegrityJson.write(report, jsonFile);
        }
      } catch (IOException e) {
        throw new UserException(ExitCode.USAGE, "cannot write --json " + jsonFile + ": " + e.getMessage());
      }
    }
    if (report.nothingFound()) {
      spec.commandLine().getErr().println("trailsleuth: no digest file and no CloudTrail log file was found in "
          + String.join(", ", paths));
      return ExitCode.NOTHING_READ;
    }
    if (report.status() == IntegrityStatus.NOT_CHECKED) {
      spec.commandLine().getErr().println("trailsleuth: no digest file was found in " + String.join(", ", paths)
          + ", so no log file was checked");
      return ExitCode.NOTHING_READ;
    }
    return report.failed() ? ExitCode.INTEGRITY_FAILURE : ExitCode.OK;
  }
}
