package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heap counts as exhausted only when a whole window went almost all to several collections with the old
 * generation full after them.
 */
final class HeapThrashTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aWindowOfCollectionsInAFullHeapIsExhaustion() {
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
    boolean exhausted = false;
    for (int second = 0; second <= 10 && !exhausted; second++) {
      exhausted = thrash.exhausted(second * SECOND, second * 950L, second * 7L, 0.97);
    }
    assertThat(exhausted).isTrue();
  }

  @Test
  void lessThanAWholeWindowIsNotJudged() {
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
    for (int second = 0; second < 10; second++) {
      assertThat(thrash.exhausted(second * SECOND, second * 1000L, second * 7L, 1.0)).as("second %d", second).isFalse();
    }
  }

  @Test
  void aBusyCollectorThatFreesTheOldGenerationIsNotExhaustion() {
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
    for (int second = 0; second <= 30; second++) {
      assertThat(thrash.exhausted(second * SECOND, second * 990L, second * 7L, 0.6)).as("second %d", second).isFalse();
    }
  }

  @Test
  void aFullHeapThatStillWorksIsNotExhaustion() {
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
    for (int second = 0; second <= 30; second++) {
      assertThat(thrash.exhausted(second * SECOND, second * 850L, second * 7L, 0.99)).as("second %d", second).isFalse();
    }
  }

  @Test
  void oneLongCollectionOfALargeHeapIsNotExhaustion() {
    // the watch cannot sample during a pause: quiet seconds, then one full collection of 9.5 s that leaves 92 % in use
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
    for (int second = 0; second <= 5; second++) {
      assertThat(thrash.exhausted(second * SECOND, 0, 0, 0.5)).isFalse();
    }
    assertThat(thrash.exhausted(15 * SECOND + SECOND / 2, 9_500, 1, 0.92)).isFalse();
    assertThat(thrash.exhausted(16 * SECOND, 9_500, 1, 0.92)).isFalse();
  }

  @Test
  void judgesTheLastWindowNotTheWholeRun() {
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
    long collecting = 0;
    for (int second = 1; second <= 60; second++) {
      collecting += 100;
      assertThat(thrash.exhausted(second * SECOND, collecting, second, 0.95)).isFalse();
    }
    // then the collections take over: exhausted once they fill 90 % of the last ten seconds (9.1 s of 59-69), not after
    // the first second of them, as the whole run's share would say much later
    int firstExhausted = -1;
    for (int second = 61; second <= 90 && firstExhausted < 0; second++) {
      collecting += 1000;
      if (thrash.exhausted(second * SECOND, collecting, second, 0.95)) {
        firstExhausted = second;
      }
    }
    assertThat(firstExhausted).isEqualTo(69);
  }

  @Test
  void samplesCloserThanTheWindowAreAllKeptUntilItPasses() {
    HeapThrash thrash = new HeapThrash(Duration.ofSeconds(2));
    boolean exhausted = false;
    int samples = 0;
    for (long millis = 0; !exhausted; millis += 100) {
      exhausted = thrash.exhausted(millis * 1_000_000L, millis * 95 / 100, millis / 100, 0.95);
      samples++;
    }
    assertThat(samples).isEqualTo(21);
  }

  @Test
  void decidesAsAFullScanOfEverySampleWould() {
    Random random = new Random(13);
    for (int sequence = 0; sequence < 200; sequence++) {
      HeapThrash thrash = new HeapThrash(Duration.ofSeconds(10));
      List<long[]> seen = new ArrayList<>();
      long nanos = 0;
      long collecting = 0;
      long collections = 0;
      for (int sample = 0; sample < 200; sample++) {
        nanos += random.nextInt(3) == 0 ? random.nextInt(15) * SECOND : random.nextInt(1000) * 1_000_000L;
        collecting += random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(1000);
        collections += random.nextInt(4);
        double fullness = random.nextDouble();
        seen.add(new long[] {nanos, collecting, collections});
        assertThat(thrash.exhausted(nanos, collecting, collections, fullness))
            .as("sequence %d, sample %d", sequence, sample).isEqualTo(scanned(seen, fullness));
      }
    }
  }

  /** The decision from every sample: the newest one at least a window before the last, if any. */
  private static boolean scanned(List<long[]> seen, double fullness) {
    long[] last = seen.get(seen.size() - 1);
    long[] base = null;
    for (long[] sample : seen) {
      if (last[0] - sample[0] >= 10 * SECOND) {
        base = sample;
      }
    }
    if (base == null) {
      return false;
    }
    double share = (last[1] - base[1]) * 1_000_000.0 / (last[0] - base[0]);
    return share >= HeapThrash.COLLECTING_SHARE && last[2] - base[2] >= HeapThrash.COLLECTIONS
        && fullness >= HeapThrash.OLD_GENERATION_FULL;
  }
}
