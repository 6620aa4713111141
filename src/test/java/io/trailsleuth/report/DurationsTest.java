package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Durations as a report states them. */
class DurationsTest {
  @Test
  void neverStatesANegativeDuration() {
    Instant deletion = Instant.parse("2021-09-23T12:13:40Z");
    Instant creation = Instant.parse("2021-09-23T12:13:17Z");

    assertThat(Durations.between(deletion, creation)).isEqualTo("—");
    assertThat(Durations.between(creation, deletion)).isEqualTo("23 s");
  }
}
