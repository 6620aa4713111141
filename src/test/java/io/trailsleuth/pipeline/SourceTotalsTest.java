package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.store.SourceEntry;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class SourceTotalsTest {
  @Test
  void addsUpFilesByStatusSkippedFilesByShapeAndRecords() {
    SourceTotals.Tally tally = new SourceTotals.Tally();
    tally.add(entry("ingested", "records-array", 5, 4, 1));
    tally.add(entry("ingested", "json-lines", 2, 2, 0));
    tally.add(entry("skipped", "cloudtrail-digest", 0, 0, 0));
    tally.add(entry("rejected", "records-array", 3, 0, 3));

    SourceTotals totals = tally.totals();

    assertThat(totals.filesByStatus()).containsExactly(Map.entry("ingested", 2L), Map.entry("rejected", 1L),
        Map.entry("skipped", 1L));
    assertThat(totals.skippedByShape()).containsExactly(Map.entry("cloudtrail-digest", 1L));
    assertThat(totals.files()).isEqualTo(4);
    assertThat(totals.files("ingested")).isEqualTo(2);
    assertThat(totals.files("unreadable")).isZero();
    assertThat(totals.recordsRead()).isEqualTo(10);
    assertThat(totals.stored()).isEqualTo(6);
    assertThat(totals.duplicates()).isZero();
    assertThat(totals.rejected()).isEqualTo(4);
    assertThat(totals.usable()).isTrue();
    assertThat(tally.handedOn()).isEqualTo(6);
  }

  @Test
  void countsWhatDeduplicationDidNotStoreAsDuplicates() {
    SourceTotals.Tally tally = new SourceTotals.Tally();
    tally.add(entry("ingested", "records-array", 5, 4, 1));

    SourceTotals totals = tally.totals(1);

    assertThat(totals.stored()).isEqualTo(1);
    assertThat(totals.duplicates()).isEqualTo(3);
    assertThat(totals.recordsRead()).isEqualTo(totals.stored() + totals.duplicates() + totals.rejected());
  }

  @Test
  void isUsableOnlyWithAnEventOrASnapshotItem() {
    SourceTotals.Tally rejectedOnly = new SourceTotals.Tally();
    rejectedOnly.add(entry("rejected", "records-array", 3, 0, 3));
    SourceTotals.Tally snapshot = new SourceTotals.Tally();
    snapshot.add(entry("snapshot", "kms-list-grants", 0, 0, 0));

    assertThat(rejectedOnly.totals().usable()).isFalse();
    assertThat(snapshot.totals().usable()).isTrue();
  }

  @Test
  void refusesTotalsWhoseRecordsDoNotAddUp() {
    assertThatThrownBy(() -> new SourceTotals(new TreeMap<>(), new TreeMap<>(), 5, 2, 1, 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("read 5 != stored 2 + duplicates 1 + rejected 1");
  }

  private static SourceEntry entry(String status, String shape, long read, long handedOn, long rejected) {
    return new SourceEntry("in", status + "-" + shape + "-" + read, 10, "a".repeat(64), 100, "none", shape, status,
        read, handedOn, 0, rejected, null, null, "");
  }
}
