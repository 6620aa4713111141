package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot file read as evidence (CLI output or AWS Config file): its kind, how many items it holds, and the input
 * root it was read under.
 *
 * @param inputRoot the input root the file was read under; "" when the store's manifest does not list it
 * @param pathAmbiguous true when another input root holds a file read at the same relative path
 */
public record SnapshotFile(String sourceFile, String sha256, String kind, long items, String inputRoot,
    boolean pathAmbiguous) implements Comparable<SnapshotFile> {
  public SnapshotFile {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(inputRoot, "inputRoot is null");
  }

  /** A file whose input root is not known, as for findings made without a store. */
  public SnapshotFile(String sourceFile, String sha256, String kind, long items) {
    this(sourceFile, sha256, kind, items, "", false);
  }

  /** The copy of the file a citation means. */
  public SourceCopy copy() {
    return new SourceCopy(inputRoot, sourceFile, sha256, pathAmbiguous);
  }

  @Override
  public int compareTo(SnapshotFile other) {
    int byFile = sourceFile.compareTo(other.sourceFile);
    return byFile != 0 ? byFile : sha256.compareTo(other.sha256);
  }
}
