package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One version of an event whose copies differ in content.
 *
 * @param source the copy of the file the version came from: its input root, path and SHA-256
 * @param sourceRecord 0-based record index in that file
 * @param recordSha256 SHA-256 of the copy's canonical form
 * @param used true for the version the events view holds, the one the analysis used
 * @param differingFields field paths where this version differs from the used one; empty for the used one
 * @param verified whether the ingest found the copy's file to match its digest; null when it checked no digests
 */
public record ConflictVersion(SourceCopy source, long sourceRecord, String recordSha256, boolean used,
    List<String> differingFields, Boolean verified) {
  public ConflictVersion {
    requireNonNull(source, "source is null");
    requireNonNull(recordSha256, "recordSha256 is null");
    differingFields = List.copyOf(differingFields);
  }

  /** True when the ingest found the copy's file to match its digest. */
  public boolean verifiedCopy() {
    return Boolean.TRUE.equals(verified);
  }

  /** The file the copy came from, relative to its input root. */
  public String sourceFile() {
    return source.sourceFile();
  }

  /** The SHA-256 of that file. */
  public String sourceSha256() {
    return source.sourceSha256();
  }
}
