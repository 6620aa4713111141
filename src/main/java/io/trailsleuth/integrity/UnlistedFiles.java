package io.trailsleuth.integrity;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The local log files no digest lists, sorted by path, held compactly: one text of all their paths and one bit each
 * for whether a digest covers the file's window, not an object and a string per file (with no digest in the inputs,
 * every log file is unlisted). Each element is made when it is read.
 */
public final class UnlistedFiles extends AbstractList<UnlistedFile> implements RandomAccess {
  private final String paths;
  /** Where each path starts in {@link #paths}, and one more: where the text ends. */
  private final int[] starts;
  private final BitSet covered;

  private UnlistedFiles(List<UnlistedFile> sorted) {
    StringBuilder text = new StringBuilder();
    starts = new int[sorted.size() + 1];
    covered = new BitSet(sorted.size());
    for (int index = 0; index < sorted.size(); index++) {
      starts[index] = text.length();
      text.append(sorted.get(index).path());
      covered.set(index, sorted.get(index).digestCoversWindow());
    }
    starts[sorted.size()] = text.length();
    paths = text.toString();
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
    return starts.length - 1;
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
    return paths.substring(starts[index], starts[index + 1]);
  }
}
