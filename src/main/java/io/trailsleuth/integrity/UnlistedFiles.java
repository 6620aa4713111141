package io.trailsleuth.integrity;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The local log files no digest lists, sorted by path, held compactly: each path as the length it shares with the one
 * before and the rest of it, in texts of a few thousand files, and one bit each for whether a digest covers the file's
 * window; not an object and a string per file (with no digest in the inputs, every log file is unlisted, and sorted
 * paths share most of their text). Each element is made when it is read.
 */
public final class UnlistedFiles extends AbstractList<UnlistedFile> implements RandomAccess {
  /**
   * Files per text: texts of a few hundred kilobytes at most, not one of tens of megabytes, which a heap nearly full of
   * the ingest's own data could not find room for (nor for the builder's copies as it grows).
   */
  private static final int PER_TEXT = 4096;
  /** Every this many files, a path is held whole, so reading one decodes at most this many. */
  private static final int PER_WHOLE = 16;

  /** The rests of the paths of each {@link #PER_TEXT} files, one after the other. */
  private final String[] texts;
  /** Where each path's rest ends in its text; it starts where the one before it ends, or at 0. */
  private final int[] ends;
  /** How many leading characters each path shares with the one before it (0 for a path held whole). */
  private final char[] shared;
  private final BitSet covered;

  private UnlistedFiles(List<UnlistedFile> sorted) {
    texts = new String[(sorted.size() + PER_TEXT - 1) / PER_TEXT];
    ends = new int[sorted.size()];
    shared = new char[sorted.size()];
    covered = new BitSet(sorted.size());
    StringBuilder text = new StringBuilder();
    String previous = "";
    for (int index = 0; index < sorted.size(); index++) {
      UnlistedFile file = sorted.get(index);
      String path = file.path();
      int common = index % PER_WHOLE == 0 ? 0 : commonPrefix(previous, path);
      shared[index] = (char) common;
      text.append(path, common, path.length());
      ends[index] = text.length();
      covered.set(index, file.digestCoversWindow());
      if ((index + 1) % PER_TEXT == 0 || index + 1 == sorted.size()) {
        texts[index / PER_TEXT] = text.toString();
        text.setLength(0);
      }
      previous = path;
    }
  }

  /** The length of the prefix two texts share, at most {@link Character#MAX_VALUE}. */
  private static int commonPrefix(String first, String second) {
    int limit = Math.min(Character.MAX_VALUE, Math.min(first.length(), second.length()));
    int length = 0;
    while (length < limit && first.charAt(length) == second.charAt(length)) {
      length++;
    }
    return length;
  }

  /** The files sorted by path; kept as they are when already held so. */
  public static UnlistedFiles of(Collection<UnlistedFile> files) {
    return files instanceof UnlistedFiles held ? held
        : new UnlistedFiles(files.stream().sorted(Comparator.comparing(UnlistedFile::path)).toList());
  }

  /** The files of a list already sorted by path, each read once. */
  static UnlistedFiles ofSorted(List<UnlistedFile> sorted) {
    return new UnlistedFiles(sorted);
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
    String text = texts[index / PER_TEXT];
    StringBuilder path = new StringBuilder();
    for (int file = index - index % PER_WHOLE; file <= index; file++) {
      path.setLength(shared[file]);
      path.append(text, file % PER_TEXT == 0 ? 0 : ends[file - 1], ends[file]);
    }
    return path.toString();
  }
}
