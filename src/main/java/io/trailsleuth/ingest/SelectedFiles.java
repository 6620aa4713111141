package io.trailsleuth.ingest;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Some of a walk's files, by their positions in it: the files a scope keeps, held as one int each rather than a list of
 * the files themselves, which would rebuild every file of a compact walk.
 */
public final class SelectedFiles extends AbstractList<SourceFile> implements RandomAccess {
  private final List<SourceFile> files;
  private final int[] positions;

  private SelectedFiles(List<SourceFile> files, int[] positions) {
    this.files = files;
    this.positions = positions;
  }

  /**
   * The files of {@code files} at {@code positions}, in that order; {@code files} itself when that is all of them. The
   * list takes {@code positions} as it is (not copied): a million files' positions are not held twice.
   */
  public static List<SourceFile> of(List<SourceFile> files, int[] positions) {
    if (positions.length == files.size()) {
      boolean all = true;
      for (int i = 0; i < positions.length && all; i++) {
        all = positions[i] == i;
      }
      if (all) {
        return files;
      }
    }
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
