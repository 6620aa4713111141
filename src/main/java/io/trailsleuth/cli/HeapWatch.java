package io.trailsleuth.cli;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A daemon thread that ends a run whose heap is exhausted but that the JVM keeps collecting instead of failing
 * ({@link GcThrash}): it prints the out-of-memory message a run that ran out of heap prints, and halts with exit code
 * 1. Such a run did not even stop on SIGTERM, whose shutdown needs the heap too. A temporary store it leaves is swept
 * by the next run, and a named store's unfinished run is never published.
 */
final class HeapWatch {
  /** The window {@link GcThrash} judges: long enough that no busy but progressing run is ended. */
  static final Duration WINDOW = Duration.ofSeconds(10);
  /**
   * The first look, late enough that commands of a few seconds never load the management classes (about 50 ms of
   * CPU, beside the work).
   */
  static final Duration FIRST_LOOK = Duration.ofSeconds(5);
  private static final long INTERVAL_MILLIS = 500;

  private HeapWatch() {}

  /** Starts watching this JVM's heap; {@code err} gets the message. */
  static void start(PrintStream err, Duration firstLook, Duration window) {
    // encoded now: when the watch speaks, the heap may hold no room for the text
    byte[] collecting = message("for " + window.toSeconds() + " s it spent more than "
        + Math.round(GcThrash.COLLECTING_SHARE * 100) + " % of its time collecting garbage in a full heap");
    byte[] full = message("the heap had no room left even for its heap watch");
    Thread thread = new Thread(() -> watch(err, collecting, full, firstLook, window), "trailsleuth-heap-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private static byte[] message(String why) {
    return (Main.heapExhaustedMessage() + " (This run was ended: " + why + ".)" + System.lineSeparator())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void watch(PrintStream err, byte[] collecting, byte[] full, Duration firstLook, Duration window) {
    try {
      Thread.sleep(firstLook.toMillis());
      List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
      MemoryPoolMXBean oldGeneration = oldGeneration();
      GcThrash thrash = new GcThrash(window);
      while (!thrash.exhausted(System.nanoTime(), collectingMillis(collectors), fullness(oldGeneration))) {
        Thread.sleep(INTERVAL_MILLIS);
      }
      end(err, collecting);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      // The watch itself found no room, directly or while a class it needs was loaded and initialised (an
      // ExceptionInInitializerError around the OutOfMemoryError): that is the full heap it watches for. Anything else
      // only ends the watch.
      if (outOfMemory(e)) {
        end(err, full);
      }
    }
  }

  private static boolean outOfMemory(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private static void end(PrintStream err, byte[] message) {
    try {
      err.write(message, 0, message.length);
      err.flush();
    } finally {
      Runtime.getRuntime().halt(ExitCode.INTERNAL_ERROR);
    }
  }

  private static long collectingMillis(List<GarbageCollectorMXBean> collectors) {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }

  /** The heap pool of long-lived objects (ParallelGC's "PS Old Gen", G1's, Serial's "Tenured Gen"); null if none. */
  private static MemoryPoolMXBean oldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
          && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        return pool;
      }
    }
    return null;
  }

  /** The old generation's use after its last collection as a share of its maximum; the whole heap's now without one. */
  private static double fullness(MemoryPoolMXBean oldGeneration) {
    if (oldGeneration != null) {
      MemoryUsage afterCollection = oldGeneration.getCollectionUsage();
      long max = afterCollection == null ? -1 : afterCollection.getMax();
      if (max > 0) {
        return (double) afterCollection.getUsed() / max;
      }
    }
    Runtime runtime = Runtime.getRuntime();
    return (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
  }
}
