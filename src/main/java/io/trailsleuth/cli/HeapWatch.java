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
import java.util.function.ToLongFunction;

/**
 * A daemon thread that ends a run whose heap is exhausted but that the JVM keeps collecting instead of failing
 * ({@link HeapThrash}): it prints the out-of-memory message and halts with exit code 1. It watches ParallelGC's and
 * Serial's old generation (the launcher runs ParallelGC) and stays off under collectors without one. The halt runs no
 * shutdown hook: a named store's unfinished run is never published and the next ingest removes it, and a temporary
 * store or spill directory left behind is removed by the next run that makes one of its kind.
 */
final class HeapWatch {
  /** The window {@link HeapThrash} judges: long enough that no busy but progressing run is ended. */
  static final Duration WINDOW = Duration.ofSeconds(10);
  /**
   * The first look, late enough that commands of a few seconds never load the management classes (about 45 ms of
   * CPU, beside the work).
   */
  static final Duration FIRST_LOOK = Duration.ofSeconds(5);
  private static final long INTERVAL_MILLIS = 500;

  private HeapWatch() {}

  /** Starts watching this JVM's heap; {@code err} gets the message. */
  static void start(PrintStream err, Duration firstLook, Duration window) {
    // encoded now: when the watch speaks, the heap may hold no room for the text
    byte[] collecting = message("for " + window.toSeconds() + " s it spent "
        + Math.round(HeapThrash.COLLECTING_SHARE * 100) + " % of its time or more collecting garbage in a full heap");
    byte[] full = message("the heap had no room left even for its heap watch");
    // what the watch needs once the heap is full is made ready now: the check of its own error (a first call resolves
    // the method and its constants) and the class a halt initialises on its first use
    heapExhaustion(new OutOfMemoryError("Java heap space"));
    try {
      Class.forName("java.lang.Shutdown", true, null);
    } catch (ClassNotFoundException e) {
      // another JDK's layout: the halt initialises it then
    }
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
      if (oldGeneration == null) {
        // G1's old generation spans the whole heap and concurrent collectors count their concurrent cycles as
        // collection time: the thresholds fit neither, so there is nothing to watch
        return;
      }
      // full collections only (PS MarkSweep, MarkSweepCompact: the collectors that manage the old generation):
      // ParallelGC counts a young collection that calls for a full one as two
      List<GarbageCollectorMXBean> fullCollectors = collectors.stream()
          .filter(collector -> List.of(collector.getMemoryPoolNames()).contains(oldGeneration.getName()))
          .toList();
      HeapThrash thrash = new HeapThrash(window);
      while (!thrash.exhausted(System.nanoTime(), total(collectors, GarbageCollectorMXBean::getCollectionTime),
          total(fullCollectors, GarbageCollectorMXBean::getCollectionCount), fullness(oldGeneration))) {
        Thread.sleep(INTERVAL_MILLIS);
      }
      end(err, collecting);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      // The watch itself found no room, directly or while a class it needs was loaded and initialised (an
      // ExceptionInInitializerError around the OutOfMemoryError): that is the full heap it watches for. Anything else
      // only ends the watch.
      if (heapExhaustion(e)) {
        end(err, full);
      }
    }
  }

  /** As {@link Main#causedByHeapExhaustion}; a further OutOfMemoryError while it looks counts as the heap's. */
  private static boolean heapExhaustion(Throwable thrown) {
    try {
      return Main.causedByHeapExhaustion(thrown);
    } catch (OutOfMemoryError again) {
      return true;
    }
  }

  private static void end(PrintStream err, byte[] message) {
    try {
      err.write(message, 0, message.length);
      err.flush();
    } finally {
      Runtime.getRuntime().halt(ExitCode.INTERNAL_ERROR);
    }
  }

  /** The sum over the collectors of a count they keep (-1 when one does not keep it counts as 0). */
  private static long total(List<GarbageCollectorMXBean> collectors, ToLongFunction<GarbageCollectorMXBean> count) {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, count.applyAsLong(collector));
    }
    return total;
  }

  /** ParallelGC's "PS Old Gen" or Serial's "Tenured Gen", when its use after collection is known; else null. */
  private static MemoryPoolMXBean oldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
          && (pool.getName().equals("PS Old Gen") || pool.getName().equals("Tenured Gen"))) {
        return pool;
      }
    }
    return null;
  }

  /** The old generation's use after its last collection as a share of its maximum; 0 while either is unknown. */
  private static double fullness(MemoryPoolMXBean oldGeneration) {
    MemoryUsage afterCollection = oldGeneration.getCollectionUsage();
    long max = afterCollection == null ? -1 : afterCollection.getMax();
    return max > 0 ? (double) afterCollection.getUsed() / max : 0;
  }
}
