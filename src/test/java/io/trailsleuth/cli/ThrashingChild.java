package io.trailsleuth.cli;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A child JVM's main for {@link HeapWatchTest}, with a window in seconds and a way to exhaust its heap: {@code thrash}
 * replaces long-lived blocks in a heap it filled; {@code full} fills the heap to the last block before the watch first
 * looks, and holds it.
 * Exits with 0 when nothing ended it within a minute.
 */
final class ThrashingChild {
  private static final int BLOCK_BYTES = 4096;

  private ThrashingChild() {}

  public static void main(String[] args) throws InterruptedException {
    Duration window = Duration.ofSeconds(Long.parseLong(args[0]));
    if (args[1].equals("thrash")) {
      HeapWatch.start(System.err, Duration.ZERO, window);
      // the watch's classes are loaded while the heap still has room, as in a run it watches for seconds first
      Thread.sleep(1000);
      thrash(fill(20));
    } else {
      // the watch's first look comes once the heap is full: loading what it reads needs room there is none of
      HeapWatch.start(System.err, Duration.ofSeconds(2), window);
      ArrayDeque<byte[]> kept = fill(0);
      Thread.sleep(Duration.ofMinutes(1).toMillis());
      System.out.println(kept.size());
    }
    System.exit(0);
  }

  /**
   * Fills the heap with long-lived blocks, then frees one part in {@code freedPart} of it, none for 0 (a part in 20 is
   * more room than the JVM's own overhead limit wants).
   */
  private static ArrayDeque<byte[]> fill(int freedPart) {
    ArrayDeque<byte[]> kept = new ArrayDeque<>();
    try {
      while (true) {
        kept.add(new byte[BLOCK_BYTES]);
      }
    } catch (OutOfMemoryError full) {
      long freed = freedPart == 0 ? 0 : Runtime.getRuntime().maxMemory() / freedPart / BLOCK_BYTES;
      for (long block = 0; block < freed; block++) {
        kept.poll();
      }
    }
    return kept;
  }

  /**
   * Replaces the blocks one by one, so that every collection must promote into a full old generation: the
   * back-to-back full collections of an exhausted run.
   */
  private static void thrash(ArrayDeque<byte[]> kept) {
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < end) {
      kept.poll();
      kept.add(new byte[BLOCK_BYTES]);
    }
  }
}
