package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The heap counts as exhausted only when a whole window went almost all to collections with the old generation full. */
final class GcThrashTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aWindowOfCollectionsInAFullHeapIsExhaustion() {
    GcThrash thrash = new GcThrash(Duration.ofSeconds(10));
    boolean exhausted = false;
    for (int second = 0; second <= 10 && !exhausted; second++) {
      exhausted = thrash.exhausted(second * SECOND, second * 950L, 0.97);
    }
    assertThat(exhausted).isTrue();
  }

  @Test
  void lessThanAWholeWindowIsNotJudged() {
    GcThrash thrash = new GcThrash(Duration.ofSeconds(10));
    for (int second = 0; second < 10; second++) {
      assertThat(thrash.exhausted(second * SECOND, second * 1000L, 1.0)).as("second %d", second).isFalse();
    }
  }

  @Test
  void aBusyCollectorThatFreesTheOldGenerationIsNotExhaustion() {
    GcThrash thrash = new GcThrash(Duration.ofSeconds(10));
    for (int second = 0; second <= 30; second++) {
      assertThat(thrash.exhausted(second * SECOND, second * 990L, 0.6)).as("second %d", second).isFalse();
    }
  }

  @Test
  void aFullHeapThatStillWorksIsNotExhaustion() {
    GcThrash thrash = new GcThrash(Duration.ofSeconds(10));
    for (int second = 0; second <= 30; second++) {
      assertThat(thrash.exhausted(second * SECOND, second * 850L, 0.99)).as("second %d", second).isFalse();
    }
  }

  @Test
  void judgesTheLastWindowNotTheWholeRun() {
    GcThrash thrash = new GcThrash(Duration.ofSeconds(10));
    long collecting = 0;
    for (int second = 1; second <= 60; second++) {
      collecting += 100;
      assertThat(thrash.exhausted(second * SECOND, collecting, 0.95)).isFalse();
    }
    // then the collections take over: exhausted once they fill 90 % of the last ten seconds (9.1 s of 59-69), not after
    // the first second of them, as the whole run's share would say much later
    int firstExhausted = -1;
    for (int second = 61; second <= 90 && firstExhausted < 0; second++) {
      collecting += 1000;
      if (thrash.exhausted(second * SECOND, collecting, 0.95)) {
        firstExhausted = second;
      }
    }
    assertThat(firstExhausted).isEqualTo(69);
  }

  @Test
  void samplesCloserThanTheWindowAreAllKeptUntilItPasses() {
    GcThrash thrash = new GcThrash(Duration.ofSeconds(2));
    boolean exhausted = false;
    int samples = 0;
    for (long millis = 0; !exhausted; millis += 100) {
      exhausted = thrash.exhausted(millis * 1_000_000L, millis * 95 / 100, 0.95);
      samples++;
    }
    assertThat(samples).isEqualTo(21);
  }
}
