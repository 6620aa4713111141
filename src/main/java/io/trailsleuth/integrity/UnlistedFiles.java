package io.trailsleuth.integrity;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The local log files no digest lists, sorted by path, held compactly: texts of their paths and one bit each
 * for whether a digest covers the file's window, not an object and a string per file (with no digest in the inputs,
 * every log file is unlisted). Each element is made when it is read.
 */
public final class UnlistedFiles extends AbstractList<UnlistedFile> implements RandomAccess {
  /**
   * Files per text: texts of a few hundred kilobytes, not one of tens of megabytes, which a heap nearly full of the
   * ingest's own data could not find room for (nor for the builder's copies as it grows).
   */
  private static final int PER_TEXT = 4096;

  /** The paths of each {@link #PER_TEXT} files, one after the other. */
  private final String[] texts;
  /** Where each path ends in its text; it starts where the one before it ends, or at 0. */
  private final int[] ends;
  private final BitSet covered;

  private UnlistedFiles(List<UnlistedFile> sorted) {
    texts = new String[(sorted.size() + PER_TEXT - 1) / PER_TEXT];
    ends = new int[sorted.size()];
    covered = new BitSet(sorted.size());
    StringBuilder text = new StringBuilder();
    for (int index = 0; index < sorted.size(); index++) {
      text.append(sorted.get(index).path());
      ends[index] = text.length();
      covered.set(index, sorted.get(index).digestCoversWindow());
      if ((index + 1) % PER_TEXT == 0 || index + 1 == sorted.size()) {
        texts[index / PER_TEXT] = text.toString();
        text.setLength(0);
      }
    }
  }

  /** The files sorted by path; kept as they are when already held so. */
  public static UnlistedFiles of(Collection<UnlistedFile> files) {
    return files instanceof UnlistedFiles held ? held
        : new UnlistedFiles(files.stream().sorted(Comparator.comparing(UnlistedFile::path)).toList());
  }

  @Override
  public UnlistedFile get(int index) {
    return new UnlistedFile(path(index), covered.get(index));
  }

  @Override
  public int size() {
    return ends.length;
  }

  /** True when a file at this path (relative to its input root) is unlisted; a binary search. */
  public boolean containsPath(String path) {
    int low = 0;
    int high = size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = path(middle).compareTo(path);
      if (order == 0) {
        return true;
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return false;
  }

  private String path(int index) {
    Objects.checkIndex(index, size());
    return texts[index / PER_TEXT].substring(index % PER_TEXT == 0 ? 0 : ends[index - 1], ends[index]);
  }
}
