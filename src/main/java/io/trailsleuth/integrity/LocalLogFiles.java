package io.trailsleuth.integrity;

import io.trailsleuth.ingest.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The local log files sorted by file name, so that the copies an S3 key names are found by a binary search: no map
 * entry, list or file-name string per file (about 270 bytes a file, which at 300,000 files held the launcher's heap).
 */
final class LocalLogFiles {
  /** By file name as {@code String.compareTo} orders them; a stable sort keeps the walk's order within a name. */
  private static final Comparator<SourceFile> BY_NAME =
      (first, second) -> compareNames(first.relativePath(), second.relativePath());

  private final SourceFile[] byName;

  LocalLogFiles(List<SourceFile> files) {
    byName = files.toArray(SourceFile[]::new);
    Arrays.sort(byName, BY_NAME);
  }

  /** Every file, by file name. */
  List<SourceFile> all() {
    return Arrays.asList(byName);
  }

  /** The copies of the object an S3 key names: the same file name, and the same object by key suffix. */
  List<SourceFile> copiesOf(String s3Key) {
    return named(s3Key).stream().filter(file -> S3Keys.sameObject(s3Key, file.relativePath())).toList();
  }

  /**
   * The relative path of a local file that is exactly this key, so that a digest holding the key shares that file's
   * string (about 140 bytes a listed file); else the key itself.
   */
  String sameText(String s3Key) {
    for (SourceFile file : named(s3Key)) {
      if (file.relativePath().equals(s3Key)) {
        return file.relativePath();
      }
    }
    return s3Key;
  }

  /** How many files (under any input root) have this path relative to their root. */
  int copiesAt(String relativePath) {
    return (int) named(relativePath).stream().filter(file -> file.relativePath().equals(relativePath)).count();
  }

  /** The files whose file name is the last segment of a key or path. */
  private List<SourceFile> named(String keyOrPath) {
    int start = firstNamed(keyOrPath);
    return Arrays.asList(byName).subList(start, endOfNamed(start, keyOrPath));
  }

  /** The positions in {@link #all()} of the copies of the object an S3 key names, as {@link #copiesOf}. */
  int[] positionsOf(String s3Key) {
    int start = firstNamed(s3Key);
    return IntStream.range(start, endOfNamed(start, s3Key))
        .filter(position -> S3Keys.sameObject(s3Key, byName[position].relativePath())).toArray();
  }

  /** The file at a position of {@link #all()}. */
  SourceFile at(int position) {
    return byName[position];
  }

  /**
   * True when a file marked in {@code marked} (positions of {@link #all()}) is the file at {@code position} or has its
   * path: one file reached under two input roots. Files with one path have one file name, so only those are looked at.
   */
  boolean pathMarked(int position, BitSet marked) {
    if (marked.get(position)) {
      return true;
    }
    String name = byName[position].relativePath();
    Path path = null;
    for (int other = firstNamed(name); other < byName.length && compareNames(byName[other].relativePath(), name) == 0;
        other++) {
      if (marked.get(other)) {
        path = path == null ? byName[position].path() : path;
        if (byName[other].path().equals(path)) {
          return true;
        }
      }
    }
    return false;
  }

  private int firstNamed(String keyOrPath) {
    int low = 0;
    int high = byName.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (compareNames(byName[middle].relativePath(), keyOrPath) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private int endOfNamed(int start, String keyOrPath) {
    int end = start;
    while (end < byName.length && compareNames(byName[end].relativePath(), keyOrPath) == 0) {
      end++;
    }
    return end;
  }

  /** Compares the last segments of two keys or paths as {@code String.compareTo} compares them, without copying. */
  private static int compareNames(String first, String second) {
    int firstStart = first.lastIndexOf('/') + 1;
    int secondStart = second.lastIndexOf('/') + 1;
    int firstLength = first.length() - firstStart;
    int secondLength = second.length() - secondStart;
    for (int index = 0; index < Math.min(firstLength, secondLength); index++) {
      int difference = first.charAt(firstStart + index) - second.charAt(secondStart + index);
      if (difference != 0) {
        return difference;
      }
    }
    return firstLength - secondLength;
  }
}
