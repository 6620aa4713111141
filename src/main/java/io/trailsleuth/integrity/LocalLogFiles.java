package io.trailsleuth.integrity;

import io.trailsleuth.common.IntSort;
import io.trailsleuth.ingest.SelectedFiles;
import io.trailsleuth.ingest.SourceFile;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The local log files, by their positions in the walk's files, and once a digest asks for a key, their paths sorted by
 * file name, so that the copies an S3 key names are found by a binary search: no map entry, list or file-name string
 * per file (about 270 bytes a file, which at 300,000 files held the launcher's heap). With no digest in the inputs no
 * path is held here at all: the walk holds its files compactly, and the unlisted files are read from it in order.
 */
final class LocalLogFiles {
  private final List<SourceFile> walked;
  /** The log files' positions in {@link #walked}, in walk order. */
  private final int[] inWalkOrder;
  /** Built on the first lookup by key: each log file's relative path, by file name ({@code String} order). */
  private String[] byName;
  /** The position in {@link #walked} of each path of {@link #byName}. */
  private int[] walkedByName;

  /** Every file of {@code files} is a log file. */
  LocalLogFiles(List<SourceFile> files) {
    this(files, IntStream.range(0, files.size()).toArray());
  }

  /** The log files of a walk's files, at {@code positions}. */
  LocalLogFiles(List<SourceFile> walked, int[] positions) {
    this.walked = walked;
    this.inWalkOrder = positions.clone();
  }

  /** How many log files there are. */
  int count() {
    return inWalkOrder.length;
  }

  /** Every file, by file name; a stable sort keeps the walk's order within a name. */
  List<SourceFile> all() {
    index();
    return new AbstractList<>() {
      @Override
      public SourceFile get(int position) {
        return at(position);
      }

      @Override
      public int size() {
        return byName.length;
      }
    };
  }

  /** The copies of the object an S3 key names: the same file name, and the same object by key suffix. */
  List<SourceFile> copiesOf(String s3Key) {
    return Arrays.stream(positionsOf(s3Key)).mapToObj(this::at).toList();
  }

  /**
   * The relative path of a local file that is exactly this key, so that a digest holding the key shares that file's
   * string (about 140 bytes a listed file); else the key itself.
   */
  String sameText(String s3Key) {
    index();
    int start = firstNamed(s3Key);
    for (int position = start; position < endOfNamed(start, s3Key); position++) {
      if (byName[position].equals(s3Key)) {
        return byName[position];
      }
    }
    return s3Key;
  }

  /** How many files (under any input root) have this path relative to their root. */
  int copiesAt(String relativePath) {
    index();
    int start = firstNamed(relativePath);
    return (int) IntStream.range(start, endOfNamed(start, relativePath))
        .filter(position -> byName[position].equals(relativePath)).count();
  }

  /** The positions in {@link #all()} of the copies of the object an S3 key names, as {@link #copiesOf}. */
  int[] positionsOf(String s3Key) {
    index();
    int start = firstNamed(s3Key);
    return IntStream.range(start, endOfNamed(start, s3Key))
        .filter(position -> S3Keys.sameObject(s3Key, byName[position])).toArray();
  }

  /** The position in the walk's files of the file at a position of {@link #all()}. */
  int walkPosition(int position) {
    index();
    return walkedByName[position];
  }

  /** The file at a position of {@link #all()}, its relative path the string held here. */
  SourceFile at(int position) {
    index();
    SourceFile file = walked.get(walkedByName[position]);
    String path = byName[position];
    return new SourceFile(file.walkRoot(), file.underRoot().equals(path) ? path : file.underRoot(), file.inputRoot(),
        path, file.sizeBytes());
  }

  /**
   * The log files no file marked in {@code listed} (positions of {@link #all()}) is or shares a path with (see
   * {@link #pathMarked}), sorted by relative path, files of one path in walk order. Every log file when nothing is
   * marked, with no index built.
   */
  List<SourceFile> unlisted(BitSet listed) {
    int[] positions;
    if (listed.isEmpty()) {
      positions = inWalkOrder.clone();
    } else {
      positions = IntStream.range(0, byName.length).filter(position -> !pathMarked(position, listed))
          .map(position -> walkedByName[position]).sorted().toArray();
    }
    // the walk's order is by input root first: with one root, already by path
    IntSort.sort(positions, (first, second) ->
        walked.get(first).relativePath().compareTo(walked.get(second).relativePath()));
    return SelectedFiles.of(walked, positions);
  }

  /**
   * True when a file marked in {@code marked} (positions of {@link #all()}) is the file at {@code position} or has its
   * path: one file reached under two input roots. Files with one path have one file name, so only those are looked at.
   */
  boolean pathMarked(int position, BitSet marked) {
    if (marked.get(position)) {
      return true;
    }
    String name = byName[position];
    Path path = null;
    for (int other = firstNamed(name); other < byName.length && compareNames(byName[other], name) == 0; other++) {
      if (marked.get(other)) {
        path = path == null ? at(position).path() : path;
        if (at(other).path().equals(path)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads the log files' paths from the walk once, and sorts them by file name. */
  private void index() {
    if (byName != null) {
      return;
    }
    int[] order = IntStream.range(0, inWalkOrder.length).toArray();
    String[] inOrder = new String[inWalkOrder.length];
    for (int k = 0; k < inWalkOrder.length; k++) {
      inOrder[k] = walked.get(inWalkOrder[k]).relativePath();
    }
    IntSort.sort(order, (first, second) -> compareNames(inOrder[first], inOrder[second]));
    byName = new String[order.length];
    walkedByName = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      byName[k] = inOrder[order[k]];
      walkedByName[k] = inWalkOrder[order[k]];
    }
  }

  private int firstNamed(String keyOrPath) {
    int low = 0;
    int high = byName.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (compareNames(byName[middle], keyOrPath) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private int endOfNamed(int start, String keyOrPath) {
    int end = start;
    while (end < byName.length && compareNames(byName[end], keyOrPath) == 0) {
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
