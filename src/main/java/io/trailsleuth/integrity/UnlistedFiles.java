package io.trailsleuth.integrity;

import io.trailsleuth.common.FrontCodedTexts;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The local log files no digest lists, sorted by path, held compactly: the paths front-coded ({@link FrontCodedTexts})
 * and one bit each for whether a digest covers the file's window; not an object and a string per file (with no digest in the inputs, every log file is unlisted, and sorted
 * paths share most of their text). Each element is made when it is read.
 */
public final class UnlistedFiles extends AbstractList<UnlistedFile> implements RandomAccess {
  private final FrontCodedTexts paths;
  private final BitSet covered;

  private UnlistedFiles(List<UnlistedFile> sorted) {
    covered = new BitSet(sorted.size());
    paths = FrontCodedTexts.of(sorted.size(), index -> {
      UnlistedFile file = sorted.get(index);
      covered.set(index, file.digestCoversWindow());
      return file.path();
    });
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
    return paths.size();
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
    return paths.get(index);
  }
}
