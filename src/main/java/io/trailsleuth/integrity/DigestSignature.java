package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

/**
 * The signature check of one digest.
 *
 * @param digest the digest, relative to its input root
 * @param status the outcome
 * @param detail what was found, in words
 */
public record DigestSignature(String digest, SignatureStatus status, String detail) {
  public DigestSignature {
    requireNonNull(digest, "digest is null");
    requireNonNull(status, "status is null");
    requireNonNull(detail, "detail is null");
  }
}
