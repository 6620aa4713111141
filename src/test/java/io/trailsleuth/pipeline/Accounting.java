package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.SourceEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The accounting invariant in one place, for every file and in total: each record read is stored, a duplicate or
 * rejected. A new kind of outcome is one more term here.
 */
public final class Accounting {
  private Accounting() {}

  /**
   * Asserts the invariant for every manifest entry of the run {@code summary} reports, as the store holds them, and for
   * its totals; and that the totals, added up as the entries were written, are those of the stored entries (rows
   * corrected by deduplication included).
   */
  public static void assertBalanced(Path store, IngestSummary summary) throws Exception {
    List<SourceEntry> entries = TestStores.entries(store, summary);
    SortedMap<String, Long> byStatus = new TreeMap<>();
    long read = 0;
    long stored = 0;
    long duplicates = 0;
    long rejected = 0;
    for (SourceEntry entry : entries) {
      assertThat(entry.recordsRead()).as("records read from %s", entry.sourceFile())
          .isEqualTo(entry.stored() + entry.duplicates() + entry.rejected());
      assertThat(entry.stored()).as("stored from %s", entry.sourceFile()).isNotNegative();
      assertThat(entry.duplicates()).as("duplicates in %s", entry.sourceFile()).isNotNegative();
      assertThat(entry.rejected()).as("rejected in %s", entry.sourceFile()).isNotNegative();
      byStatus.merge(entry.status(), 1L, Long::sum);
      read += entry.recordsRead();
      stored += entry.stored();
      duplicates += entry.duplicates();
      rejected += entry.rejected();
    }
    if (!summary.runId().isEmpty()) {
      assertThat(summary.filesByStatus()).as("files by status").isEqualTo(byStatus);
      assertThat(summary.recordsRead()).as("records read").isEqualTo(read);
      assertThat(summary.stored()).as("stored").isEqualTo(stored);
      assertThat(summary.duplicates()).as("duplicates").isEqualTo(duplicates);
      assertThat(summary.rejected()).as("rejected").isEqualTo(rejected);
    }
    assertThat(summary.recordsRead()).as("records read in total")
        .isEqualTo(summary.stored() + summary.duplicates() + summary.rejected());
  }
}
