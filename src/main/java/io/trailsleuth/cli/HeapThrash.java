package io.trailsleuth.cli;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Decides from samples of the collectors whether a run's heap is exhausted though no OutOfMemoryError comes: over a
 * whole window, {@link #COLLECTING_SHARE} of the time or more went to garbage collection, with at least
 * {@link #COLLECTIONS} full collections, and the old generation was still {@link #OLD_GENERATION_FULL} full or more
 * after the last. The JVM's own limit ("GC overhead limit exceeded") wants less than 2 % of the heap freed; a heap with
 * a little more free space than that gave back-to-back full collections for ten minutes and more, with no error,
 * instead (an analysis of 500,000 AWS Config files under the launcher's 256 MiB). One long collection of a large heap
 * is not thrashing: several are needed.
 */
final class HeapThrash {
  /** The share of the window's time spent collecting at or above which the heap counts as exhausted. */
  static final double COLLECTING_SHARE = 0.9;
  /** How many full collections the window must hold. */
  static final long COLLECTIONS = 3;
  /** How full the old generation must still be after its last collection. */
  static final double OLD_GENERATION_FULL = 0.9;

  private final long windowNanos;
  /** The samples of the last window: the oldest is the newest one taken at least a window before the latest. */
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  private record Sample(long nanos, long collectingMillis, long collections) {}

  HeapThrash(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /**
   * Adds a sample and answers whether the heap counts as exhausted now.
   *
   * @param nanos the sample's time ({@link System#nanoTime()})
   * @param collectingMillis the collectors' total collection time so far
   * @param collections the number of full collections so far
   * @param oldGenerationFullness the old generation's use after its last collection, as a share of its maximum
   */
  boolean exhausted(long nanos, long collectingMillis, long collections, double oldGenerationFullness) {
    samples.addLast(new Sample(nanos, collectingMillis, collections));
    while (samples.size() > 2) {
      Sample oldest = samples.pollFirst();
      if (nanos - samples.peekFirst().nanos() < windowNanos) {
        samples.addFirst(oldest);
        break;
      }
    }
    Sample oldest = samples.peekFirst();
    long elapsedNanos = nanos - oldest.nanos();
    if (elapsedNanos < windowNanos) {
      return false;
    }
    double collectingShare = (collectingMillis - oldest.collectingMillis()) * 1_000_000.0 / elapsedNanos;
    return collectingShare >= COLLECTING_SHARE && collections - oldest.collections() >= COLLECTIONS
        && oldGenerationFullness >= OLD_GENERATION_FULL;
  }
}
