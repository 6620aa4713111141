package io.trailsleuth.pipeline;

import io.trailsleuth.common.IntSort;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The files of a run grouped into units by relative path: files that share one (the same archive under two roots) form
 * one unit, read by one worker in walk order, so that a byte-identical copy is recognised as such, the first copy in
 * walk order is the one stored, and no two stored records ever share a (source_file, source_sha256, source_record) key.
 * Held as two arrays of ints, not a list per path: at a million files the map of lists took about 100 MB of heap.
 */
final class ReadUnits {
  /** File indices, unit by unit, each unit's in walk order. */
  private final int[] order;
  /** Where each unit starts in {@link #order}, and one more entry: the end of the last. */
  private final int[] starts;

  private ReadUnits(int[] order, int[] starts) {
    this.order = order;
    this.starts = starts;
  }

  /**
   * Groups {@code files} files by their relative paths, file {@code i}'s given by {@code relativePaths}, in walk order.
   * When the paths strictly increase in walk order (one input root, the usual case), no path repeats: each file is a
   * unit of its own, in walk order, and nothing is sorted.
   */
  static ReadUnits of(int files, IntFunction<String> relativePaths) {
    if (strictlyIncreasing(files, relativePaths)) {
      int[] order = IntStream.range(0, files).toArray();
      return new ReadUnits(order, IntStream.rangeClosed(0, files).toArray());
    }
    // a stable sort: the files that share a path stay in walk order
    int[] order = IntStream.range(0, files).toArray();
    IntSort.sort(order, (first, second) -> relativePaths.apply(first).compareTo(relativePaths.apply(second)));
    int[] starts = new int[files + 1];
    int units = 0;
    for (int k = 0; k < files; k++) {
      if (k == 0 || !relativePaths.apply(order[k]).equals(relativePaths.apply(order[k - 1]))) {
        starts[units++] = k;
      }
    }
    starts[units] = files;
    return new ReadUnits(order, Arrays.copyOf(starts, units + 1));
  }

  private static boolean strictlyIncreasing(int files, IntFunction<String> paths) {
    String previous = files > 0 ? paths.apply(0) : null;
    for (int i = 1; i < files; i++) {
      String path = paths.apply(i);
      if (previous.compareTo(path) >= 0) {
        return false;
      }
      previous = path;
    }
    return true;
  }

  /** The number of units. */
  int count() {
    return starts.length - 1;
  }

  /** The indices of the files of unit {@code unit}, in walk order. */
  int[] files(int unit) {
    return Arrays.copyOfRange(order, starts[unit], starts[unit + 1]);
  }
}
