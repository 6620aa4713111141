package io.trailsleuth.cli;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A child JVM's main (for {@link HeapWatchTest}): fills its heap with long-lived blocks, frees a few percent, then
 * replaces the blocks one by one, so that every collection must promote into a full old generation: the back-to-back
 * full collections of an exhausted run, with more free space than the JVM's own overhead limit wants. Exits with 0
 * when nothing ended it within a minute.
 */
final class ThrashingChild {
  private static final int BLOCK_BYTES = 4096;

  private ThrashingChild() {}

  public static void main(String[] args) throws InterruptedException {
    HeapWatch.start(System.err, Duration.ZERO, Duration.ofSeconds(Long.parseLong(args[0])));
    // the watch's classes are loaded while the heap still has room, as in a run it watches for seconds first
    Thread.sleep(1000);
    ArrayDeque<byte[]> kept = new ArrayDeque<>();
    try {
      while (true) {
        kept.add(new byte[BLOCK_BYTES]);
      }
    } catch (OutOfMemoryError full) {
      long freed = Runtime.getRuntime().maxMemory() / 20 / BLOCK_BYTES;
      for (long block = 0; block < freed; block++) {
        kept.poll();
      }
    }
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < end) {
      kept.poll();
      kept.add(new byte[BLOCK_BYTES]);
    }
    System.exit(0);
  }
}
