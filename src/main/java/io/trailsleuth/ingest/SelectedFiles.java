package io.trailsleuth.ingest;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Some of a walk's files, by their positions in it (the log files no digest lists, in path order), held as one int each
 * rather than a list of the files themselves, which would rebuild every file of a compact walk.
 */
public final class SelectedFiles extends AbstractList<SourceFile> implements RandomAccess {
  private final List<SourceFile> files;
  private final int[] positions;

  private SelectedFiles(List<SourceFile> files, int[] positions) {
    this.files = files;
    this.positions = positions;
  }

  /** The files of {@code files} at {@code positions}, in that order; {@code positions} is taken as it is, not copied. */
  public static List<SourceFile> of(List<SourceFile> files, int[] positions) {
    return new SelectedFiles(files, positions);
  }

  @Override
  public SourceFile get(int index) {
    return files.get(positions[index]);
  }

  @Override
  public int size() {
    return positions.length;
  }
}
