package io.trailsleuth.pipeline;

import io.trailsleuth.common.IntSort;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The files of a run grouped into units by relative path: files that share one (the same archive under two roots) form
 * one unit, read by one worker in walk order, so that a byte-identical copy is recognised as such, the first copy in
 * walk order is the one stored, and no two stored records ever share a (source_file, source_sha256, source_record) key.
 * Held as two arrays of ints, not a list per path: at a million files the map of lists took about 100 MB of heap.
 */
final class ReadUnits {
  /**
   * Runs merged at most: each holds a reader and its current path while the runs are merged (about 400 bytes), and a
   * root named twice makes a run of every second file.
   */
  static final int MOST_RUNS_MERGED = 64;

  /** File indices, unit by unit, each unit's in walk order. */
  private final int[] order;
  /** Where each unit starts in {@link #order}, and one more entry: the end of the last. */
  private final int[] starts;

  private ReadUnits(int[] order, int[] starts) {
    this.order = order;
    this.starts = starts;
  }

  /** As {@link #of(int, IntFunction, Supplier)}, with paths read by index in any order. */
  static ReadUnits of(int files, IntFunction<String> relativePaths) {
    return of(files, relativePaths, () -> relativePaths);
  }

  /**
   * Groups {@code files} files by their relative paths, in walk order: the order a stable sort by path gives. File
   * {@code i}'s path is {@code relativePaths.apply(i)}; each reader {@code readers} gives is asked for files in
   * increasing order only, which a walk's front-coded paths answer for less (each decoded from the one before).
   *
   * <p>A walk lists each input root's files in path order, one root after the other: its files are runs of strictly
   * increasing paths. With one run (one input root, the usual case) no path repeats, each file is a unit of its own, in
   * walk order, and nothing is sorted. With up to {@link #MOST_RUNS_MERGED} runs (a few input roots), the runs are
   * merged, a path's copies in run order, which is walk order: every path is read once more through a reader, where a
   * sort rebuilt two at each of its comparisons (200,000 files under two roots: 0.19 s instead of 0.68 s; bench/README.md,
   * round fourteen). With more (a root named twice interleaves its files as x, x, y, y), the files are sorted by path.
   */
  static ReadUnits of(int files, IntFunction<String> relativePaths, Supplier<IntFunction<String>> readers) {
    int[] runStarts = runStarts(files, readers.get());
    if (runStarts.length <= 1) {
      return new ReadUnits(IntStream.range(0, files).toArray(), IntStream.rangeClosed(0, files).toArray());
    }
    return runStarts.length <= MOST_RUNS_MERGED ? merged(files, runStarts, readers) : sorted(files, relativePaths);
  }

  /** The runs that start at {@code runStarts} merged by path, a path's files in run order. */
  private static ReadUnits merged(int files, int[] runStarts, Supplier<IntFunction<String>> readers) {
    PriorityQueue<Run> heads = new PriorityQueue<>(runStarts.length);
    for (int run = 0; run < runStarts.length; run++) {
      int end = run + 1 < runStarts.length ? runStarts[run + 1] : files;
      heads.add(new Run(run, runStarts[run], end, readers.get()));
    }
    int[] order = new int[files];
    int[] starts = new int[files + 1];
    int units = 0;
    String previous = null;
    for (int k = 0; k < files; k++) {
      Run head = heads.poll();
      order[k] = head.file;
      if (!head.path.equals(previous)) {
        starts[units++] = k;
      }
      previous = head.path;
      if (head.advance()) {
        heads.add(head);
      }
    }
    starts[units] = files;
    return new ReadUnits(order, Arrays.copyOf(starts, units + 1));
  }

  /** Every file sorted by path, a stable sort: its files that share a path stay in walk order. */
  private static ReadUnits sorted(int files, IntFunction<String> relativePaths) {
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

  /**
   * Where each run of strictly increasing paths starts, none for no file; the first {@link #MOST_RUNS_MERGED} + 1 only,
   * since more are sorted whatever their number.
   */
  private static int[] runStarts(int files, IntFunction<String> paths) {
    int[] starts = new int[files > 0 ? 1 : 0];
    int runs = 0;
    String previous = null;
    for (int file = 0; file < files && runs <= MOST_RUNS_MERGED; file++) {
      String path = paths.apply(file);
      if (previous == null || previous.compareTo(path) >= 0) {
        if (runs == starts.length) {
          starts = Arrays.copyOf(starts, runs * 2);
        }
        starts[runs++] = file;
      }
      previous = path;
    }
    return Arrays.copyOf(starts, runs);
  }

  /** One run's next file and its path, ordered by path, then by the run's place in the walk. */
  private static final class Run implements Comparable<Run> {
    private final int number;
    private final int end;
    private final IntFunction<String> paths;
    private int file;
    private String path;

    Run(int number, int start, int end, IntFunction<String> paths) {
      this.number = number;
      this.end = end;
      this.paths = paths;
      this.file = start;
      this.path = paths.apply(start);
    }

    /** Moves to the run's next file; false when there is none. */
    boolean advance() {
      if (++file == end) {
        return false;
      }
      path = paths.apply(file);
      return true;
    }

    @Override
    public int compareTo(Run other) {
      int byPath = path.compareTo(other.path);
      return byPath != 0 ? byPath : Integer.compare(number, other.number);
    }
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
