package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/** A snapshot file read as evidence (CLI output or AWS Config file): its kind and how many items it holds. */
public record SnapshotFile(String sourceFile, String sha256, String kind, long items)
    implements Comparable<SnapshotFile> {
  public SnapshotFile {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(kind, "kind is null");
  }

  @Override
  public int compareTo(SnapshotFile other) {
    int byFile = sourceFile.compareTo(other.sourceFile);
    return byFile != 0 ? byFile : sha256.compareTo(other.sha256);
  }
}
