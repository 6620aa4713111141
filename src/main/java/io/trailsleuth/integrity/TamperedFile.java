package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

/**
 * A local log file whose decompressed content does not hash to the value its digest recorded.
 *
 * @param path the file's path relative to its input root
 * @param digest the digest that lists it, relative to its input root
 * @param recordedHash the hashValue the digest recorded
 * @param actualHash the hex SHA-256 of the file's decompressed content; empty when it could not be read
 * @param detail what was found, in words
 */
public record TamperedFile(String path, String digest, String recordedHash, String actualHash, String detail) {
  public TamperedFile {
    requireNonNull(path, "path is null");
    requireNonNull(digest, "digest is null");
    requireNonNull(recordedHash, "recordedHash is null");
    requireNonNull(actualHash, "actualHash is null");
    requireNonNull(detail, "detail is null");
  }
}
