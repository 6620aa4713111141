package io.trailsleuth.cli;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Decides from samples of the JVM's collection time whether a run's heap is exhausted though no OutOfMemoryError
 * comes: over a whole window, at least {@link #COLLECTING_SHARE} of the time went to garbage collection, and the old
 * generation was still at least {@link #OLD_GENERATION_FULL} full after it. The JVM's own limit ("GC overhead limit
 * exceeded") wants less than 2 % of the heap freed; a heap with a little more free space than that gave back-to-back
 * full collections for ten minutes and more, with no error, instead (an analysis of 500,000 AWS Config files under the
 * launcher's 256 MiB).
 */
final class GcThrash {
  /** The share of the window's time spent collecting at or above which the heap counts as exhausted. */
  static final double COLLECTING_SHARE = 0.9;
  /** How full the old generation must still be after its last collection. */
  static final double OLD_GENERATION_FULL = 0.9;

  private final long windowNanos;
  /** The samples of the last window: the oldest is the newest one taken at least a window before the latest. */
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  private record Sample(long nanos, long collectingMillis) {}

  GcThrash(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /**
   * Adds a sample and answers whether the heap counts as exhausted now.
   *
   * @param nanos the sample's time ({@link System#nanoTime()})
   * @param collectingMillis the collectors' total collection time so far
   * @param oldGenerationFullness the old generation's use after its last collection, as a share of its maximum
   */
  boolean exhausted(long nanos, long collectingMillis, double oldGenerationFullness) {
    samples.addLast(new Sample(nanos, collectingMillis));
    while (samples.size() > 2) {
      Sample oldest = samples.pollFirst();
      if (nanos - samples.peekFirst().nanos() < windowNanos) {
        samples.addFirst(oldest);
        break;
      }
    }
    Sample oldest = samples.peekFirst();
    long elapsedNanos = nanos - oldest.nanos();
    if (elapsedNanos < windowNanos || elapsedNanos <= 0) {
      return false;
    }
    double collectingShare = (collectingMillis - oldest.collectingMillis()) * 1_000_000.0 / elapsedNanos;
    return collectingShare >= COLLECTING_SHARE && oldGenerationFullness >= OLD_GENERATION_FULL;
  }
}
