package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

/**
 * A log file a digest lists that is not in the archive.
 *
 * @param s3Object the key the digest lists
 * @param digest the digest that lists it, relative to its input root
 */
public record MissingFile(String s3Object, String digest) {
  public MissingFile {
    requireNonNull(s3Object, "s3Object is null");
    requireNonNull(digest, "digest is null");
  }
}
