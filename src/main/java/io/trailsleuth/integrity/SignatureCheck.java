package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/**
 * The signature checks of a run, or why none were made.
 *
 * @param checked false when no public keys and signatures were supplied
 * @param explanation what was and was not checked, and what that means
 * @param digests one result per digest, sorted by digest path
 */
public record SignatureCheck(boolean checked, String explanation, List<DigestSignature> digests) {
  static final String NOT_CHECKED = "Digest signatures were not checked: no --public-keys and --signatures were given."
      + " The hashes and chain were checked, but without signatures someone who could write to the archive could have"
      + " rewritten digests and logs consistently. Export the keys (aws cloudtrail list-public-keys) and each digest's"
      + " x-amz-meta-signature (aws s3api head-object) to check them.";

  public SignatureCheck {
    requireNonNull(explanation, "explanation is null");
    digests = digests.stream().sorted(Comparator.comparing(DigestSignature::digest)).toList();
  }

  static final String NO_DIGESTS = "Digest signatures were not checked: the inputs hold no digest file, so neither"
      + " hashes, chain nor signatures were checked.";

  /** No signature check; {@code digests} is how many digest files there were to check otherwise. */
  static SignatureCheck notChecked(int digests) {
    return new SignatureCheck(false, digests == 0 ? NO_DIGESTS : NOT_CHECKED, List.of());
  }

  /** True when a signature failed to verify or could not be decoded. */
  public boolean failed() {
    return digests.stream().anyMatch(d -> d.status() == SignatureStatus.INVALID || d.status() == SignatureStatus.MALFORMED);
  }
}
