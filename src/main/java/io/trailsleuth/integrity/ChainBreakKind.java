package io.trailsleuth.integrity;

/** The ways a digest chain can break or a digest can be untrustworthy. */
public enum ChainBreakKind {
  /** A digest links to a previous digest that is not in the archive. */
  MISSING_DIGEST("missing-digest"),
  /** Two linked digests do not cover adjacent hours. */
  COVERAGE_GAP("coverage-gap"),
  /** A digest was found somewhere other than the key it records. */
  DIGEST_MOVED("digest-moved"),
  /** A digest has no previous link although older digests exist: logging or validation was switched off. */
  NULL_LINK("null-link"),
  /** A digest's previousDigestHashValue does not match the previous digest's content. */
  PREVIOUS_HASH_MISMATCH("previous-hash-mismatch"),
  /** A digest's previousDigestSignature is not the signature supplied for the previous digest. */
  PREVIOUS_SIGNATURE_MISMATCH("previous-signature-mismatch"),
  /** A digest field is malformed, or the digest cannot be read. */
  MALFORMED("malformed");

  private final String code;

  ChainBreakKind(String code) {
    this.code = code;
  }

  /** The stable name used in output. */
  public String code() {
    return code;
  }
}
