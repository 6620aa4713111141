package io.trailsleuth.cli;

import io.trailsleuth.integrity.ArchiveVerifier;
import io.trailsleuth.integrity.IntegrityJson;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.integrity.IntegritySummary;
import io.trailsleuth.integrity.PublicKeys;
import io.trailsleuth.integrity.Signatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
        "or bad signatures were found; 3 no digest and no log file was found;",
        "2 usage error."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Archive files or directories to verify.")
  List<String> paths;

  @Option(names = "--public-keys", paramLabel = "FILE",
      description = "CloudTrail public keys, as printed by 'aws cloudtrail list-public-keys'.")
  Path publicKeysFile;

  @Option(names = "--signatures", paramLabel = "FILE",
      description = "JSON object: digest S3 key -> hex x-amz-meta-signature.")
  Path signaturesFile;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to this file.")
  Path jsonFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if ((publicKeysFile == null) != (signaturesFile == null)) {
      throw new UserException(ExitCode.USAGE, "--public-keys and --signatures go together: a signature can only be"
          + " checked with its public key; give both, or neither to check hashes and the chain only");
    }
    Optional<PublicKeys> publicKeys = Optional.ofNullable(publicKeysFile).map(file -> load("--public-keys", file,
        () -> PublicKeys.load(file)));
    Optional<Signatures> signatures = Optional.ofNullable(signaturesFile).map(file -> load("--signatures", file,
        () -> Signatures.load(file)));
    IntegrityReport report = ArchiveVerifier.verify(paths, publicKeys, signatures);
    PrintWriter out = spec.commandLine().getOut();
    IntegritySummary.print(report, out);
    if (jsonFile != null) {
      try {
        IntegrityJson.write(report, jsonFile);
      } catch (IOException e) {
        throw new UserException(ExitCode.USAGE, "cannot write --json " + jsonFile + ": " + e.getMessage());
      }
    }
    if (report.nothingFound()) {
      spec.commandLine().getErr().println("trailsleuth: no digest file and no CloudTrail log file was found in "
          + String.join(", ", paths));
      return ExitCode.NOTHING_READ;
    }
    return report.failed() ? ExitCode.INTEGRITY_FAILURE : ExitCode.OK;
  }

  private interface Loader<T> {
    T load() throws IOException;
  }

  private static <T> T load(String option, Path file, Loader<T> loader) {
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot read " + option + " " + file + ": " + e.getMessage());
    }
  }
}
