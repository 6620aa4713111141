package io.trailsleuth.integrity;

/** The outcome of checking one digest's signature. */
public enum SignatureStatus {
  /** The signature verifies with the matching public key. */
  VALID("valid"),
  /** The signature does not verify: the digest or its signature was altered. */
  INVALID("invalid"),
  /** The signatures file has no signature for this digest. */
  NO_SIGNATURE("no-signature"),
  /** No supplied public key has the digest's fingerprint. */
  NO_PUBLIC_KEY("no-public-key"),
  /** The signature or key could not be decoded. */
  MALFORMED("malformed");

  private final String code;

  SignatureStatus(String code) {
    this.code = code;
  }

  /** The stable name used in output. */
  public String code() {
    return code;
  }
}
