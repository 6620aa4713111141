package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scope leaves out only log files whose names prove they hold no event of the asked accounts, regions and window. */
final class FileScopeTest {
  private static final String LOG =
      "AWSLogs/o-abc/111122223333/CloudTrail/eu-west-1/2026/03/03/111122223333_CloudTrail_eu-west-1_20260303T1005Z_Ab12.json.gz";

  @Test
  void readsEveryFileWhenNotNarrowed() {
    assertThat(FileScope.EVERYTHING.narrowed()).isFalse();
    assertThat(FileScope.EVERYTHING.exclusion(LOG)).isEmpty();
  }

  @Test
  void leavesOutOtherAccountsAndRegions() {
    assertThat(scope(null, null, Set.of("444455556666"), Set.of()).exclusion(LOG))
        .hasValue("account 111122223333 is not among --account 444455556666");
    assertThat(scope(null, null, Set.of(), Set.of("us-east-1", "eu-central-1")).exclusion(LOG))
        .hasValue("region eu-west-1 is not among --region eu-central-1,us-east-1");
    assertThat(scope(null, null, Set.of("111122223333"), Set.of("eu-west-1")).exclusion(LOG)).isEmpty();
  }

  @Test
  void leavesOutAFileOnlyWhenItsWholeDeliveryMinuteIsBeforeSince() {
    assertThat(scope("2026-03-03T10:06:00Z", null, Set.of(), Set.of()).exclusion(LOG)).isPresent();
    assertThat(scope("2026-03-03T10:05:59Z", null, Set.of(), Set.of()).exclusion(LOG))
        .as("an event at 10:05:30 may be in a file delivered at 10:05:45").isEmpty();
  }

  @Test
  void readsFilesDeliveredUpToADayAfterUntilForLateDeliveries() {
    assertThat(scope(null, "2026-03-02T10:05:00Z", Set.of(), Set.of()).exclusion(LOG)).isEmpty();
    assertThat(scope(null, "2026-03-02T10:04:59Z", Set.of(), Set.of()).exclusion(LOG))
        .hasValue("delivered at 2026-03-03T10:05:00Z, more than 24 h after --until 2026-03-02T10:04:59Z");
  }

  @Test
  void alwaysReadsFilesWhoseNamesAreNotCloudTrailLogNames() {
    FileScope narrow = scope("2030-01-01T00:00:00Z", null, Set.of("444455556666"), Set.of("us-east-1"));
    assertThat(narrow.exclusion("exports/lookup-events.json")).isEmpty();
    assertThat(narrow.exclusion("111122223333_CloudTrail-Digest_eu-west-1_t_us-east-1_20260303T100500Z.json.gz")).isEmpty();
  }

  @Test
  void refusesAWindowThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> scope("2026-03-03T00:00:00Z", "2026-03-02T00:00:00Z", Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is before --since");
  }

  private static FileScope scope(String since, String until, Set<String> accounts, Set<String> regions) {
    return new FileScope(since == null ? null : Instant.parse(since), until == null ? null : Instant.parse(until),
        accounts, regions);
  }
}
