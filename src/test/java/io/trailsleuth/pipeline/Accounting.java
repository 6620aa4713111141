package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.SourceEntry;
import java.nio.file.Path;

/**
 * The accounting invariant in one place, for every file and in total: each record read is stored, a duplicate or
 * rejected. A new kind of outcome is one more term here.
 */
public final class Accounting {
  private Accounting() {}

  /** Asserts the invariant for every manifest entry of the ingest and for its totals. */
  public static void assertBalanced(Path store, IngestSummary summary) throws Exception {
    for (SourceEntry entry : TestStores.entries(store, summary)) {
      assertThat(entry.recordsRead()).as("records read from %s", entry.sourceFile())
          .isEqualTo(entry.stored() + entry.duplicates() + entry.rejected());
      assertThat(entry.stored()).as("stored from %s", entry.sourceFile()).isNotNegative();
      assertThat(entry.duplicates()).as("duplicates in %s", entry.sourceFile()).isNotNegative();
      assertThat(entry.rejected()).as("rejected in %s", entry.sourceFile()).isNotNegative();
    }
    assertThat(summary.recordsRead()).as("records read in total")
        .isEqualTo(summary.stored() + summary.duplicates() + summary.rejected());
  }
}
