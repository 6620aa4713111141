package io.trailsleuth.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shares the background records out over (window, stream) slots: busier in office hours and on weekdays, and
 * bursty. Cumulative rounding makes the shares add up to exactly the requested total.
 */
final class NoiseAllocation {
  private final double[] cumulative;
  private final long total;
  private int next;
  private long handedOut;

  NoiseAllocation(SplittableRandom random, Instant start, int windows, long windowSeconds, List<TrailStream> streams,
      long total) {
    this.total = total;
    this.cumulative = new double[windows * streams.size()];
    double sum = 0;
    for (int window = 0; window < windows; window++) {
      double busy = busyness(start.plusSeconds(window * windowSeconds));
      for (int stream = 0; stream < streams.size(); stream++) {
        sum += busy * streams.get(stream).noiseWeight() * burst(random);
        cumulative[window * streams.size() + stream] = sum;
      }
    }
    for (int slot = 0; slot < cumulative.length; slot++) {
      cumulative[slot] /= sum;
    }
  }

  /** The number of background records in the next slot, in window-then-stream order. */
  long nextCount() {
    double share = next == cumulative.length - 1 ? 1.0 : cumulative[next];
    long upTo = Math.round(total * share);
    long count = upTo - handedOut;
    handedOut = upTo;
    next++;
    return count;
  }

  /** Heavy-tailed: most windows are quiet and a few carry a burst (a deploy, a script, a dashboard). */
  private static double burst(SplittableRandom random) {
    double draw = random.nextDouble();
    return draw * draw * draw * draw;
  }

  private static double busyness(Instant time) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    int hour = utc.getHour();
    double daily = hour < 6 ? 0.03 : hour < 8 ? 0.3 : hour < 12 ? 1.2 : hour < 18 ? 1.0 : hour < 21 ? 0.3 : 0.05;
    DayOfWeek day = utc.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? daily * 0.3 : daily;
  }
}
