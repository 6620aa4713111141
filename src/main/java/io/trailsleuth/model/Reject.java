package io.trailsleuth.model;

import static java.util.Objects.requireNonNull;

/**
 * A record or the rest of a file that could not be stored, with where it was and why.
 *
 * @param sourceFile path relative to the input root
 * @param sourceRecord 0-based record index, or -1 when the reject covers the rest of the file
 * @param byteOffset offset in the decompressed stream where the problem was found, or -1
 * @param reasonCode short stable code, e.g. {@code invalid-json}
 * @param reason one sentence that says what is wrong and what to do
 */
public record Reject(String sourceFile, long sourceRecord, long byteOffset, String reasonCode, String reason) {
  public Reject {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(reasonCode, "reasonCode is null");
    requireNonNull(reason, "reason is null");
  }
}
