package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One version of an event whose copies differ in content.
 *
 * @param sourceFile file the copy came from, relative to its input root
 * @param sourceRecord 0-based record index in that file
 * @param sourceSha256 SHA-256 of that file
 * @param recordSha256 SHA-256 of the copy's canonical form
 * @param used true for the version the events view holds, the one the analysis used
 * @param differingFields field paths where this version differs from the used one; empty for the used one
 */
public record ConflictVersion(String sourceFile, long sourceRecord, String sourceSha256, String recordSha256,
    boolean used, List<String> differingFields) {
  public ConflictVersion {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sourceSha256, "sourceSha256 is null");
    requireNonNull(recordSha256, "recordSha256 is null");
    differingFields = List.copyOf(differingFields);
  }
}
