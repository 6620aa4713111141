package io.trailsleuth.cli;

import io.trailsleuth.common.IoReasons;
import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.SharedWalk;
import io.trailsleuth.integrity.ArchiveVerifier;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.integrity.PublicKeys;
import io.trailsleuth.integrity.Signatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The digest-signature options shared by {@code verify}, {@code investigate} and {@code analyze --verify}, and the verification they drive. */
public final class DigestVerification {
  @Option(names = "--public-keys", paramLabel = "FILE",
      description = "CloudTrail public keys, as printed by 'aws cloudtrail list-public-keys'.")
  Path publicKeysFile;

  @Option(names = "--signatures", paramLabel = "FILE",
      description = "JSON object: digest S3 key -> hex x-amz-meta-signature.")
  Path signaturesFile;

  /** Verifies the archive against its digests, and their signatures when both files were given. */
  IntegrityReport verify(List<String> paths) {
    validate();
    return ArchiveVerifier.verify(paths, publicKeys(), signatures());
  }

  /**
   * Verifies as above, beside an ingest of the same paths: the files are those of the ingest's walk, and log files'
   * hashes come from {@code decodedHashes} when the ingest decoded the whole file; the check waits for the ingest's
   * walk, and for its parse to end before it compares the hashes.
   */
  IntegrityReport verify(SharedWalk walk, DecodedContentHashes decodedHashes) throws InterruptedException {
    validate();
    return ArchiveVerifier.verify(walk.await(), publicKeys(), signatures(), decodedHashes);
  }

  private Optional<PublicKeys> publicKeys() {
    return Optional.ofNullable(publicKeysFile).map(file -> load("--public-keys", file, () -> PublicKeys.load(file)));
  }

  private Optional<Signatures> signatures() {
    return Optional.ofNullable(signaturesFile).map(file -> load("--signatures", file, () -> Signatures.load(file)));
  }

  /** True when the signature files were given. */
  boolean given() {
    return publicKeysFile != null || signaturesFile != null;
  }

  /** Fails with a usage error unless both files or neither were given. */
  void validate() {
    if ((publicKeysFile == null) != (signaturesFile == null)) {
      throw new UserException(ExitCode.USAGE, "--public-keys and --signatures go together: a signature can only be"
          + " checked with its public key; give both, or neither to check hashes and the chain only");
    }
  }

  private interface Loader<T> {
    T load() throws IOException;
  }

  private static <T> T load(String option, Path file, Loader<T> loader) {
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot read " + option + " " + file + ": " + IoReasons.of(e));
    }
  }
}
