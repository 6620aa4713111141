package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.DerivedTable;
import io.trailsleuth.store.SourceEntry;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark ingest against {@code ingest} on a generated archive with duplicates across files, roots and shapes,
 * damaged files and digests, in two runs (the second over the grown archive): the stores hold the same events,
 * manifests, rejects and derived tables, and the accounting is the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class MixedArchiveSparkTest {
  private Path ingested;
  private Path sparked;
  private IngestSummary firstIngest;
  private IngestSummary firstSpark;
  private IngestSummary secondIngest;
  private IngestSummary secondSpark;

  @BeforeAll
  void ingestTwiceBothWays(@TempDir Path temp) throws Exception {
    Path root = temp.resolve("archive");
    Path secondRoot = temp.resolve("second-root");
    MixedArchive.write(root, secondRoot, 2000);
    ingested = temp.resolve("ingested");
    sparked = temp.resolve("sparked");
    firstIngest = TestStores.ingest(ingested, root, secondRoot);
    firstSpark = LocalSpark.ingest(sparked, root, secondRoot);
    MixedArchive.grow(root);
    secondIngest = TestStores.ingest(ingested, root, secondRoot);
    secondSpark = LocalSpark.ingest(sparked, root, secondRoot);
  }

  @Test
  void accountsForEveryFileAndRecordAsIngestDoes() throws Exception {
    assertThat(firstSpark.totals()).isEqualTo(firstIngest.totals());
    assertThat(firstSpark.unreadable()).isEqualTo(firstIngest.unreadable());
    assertThat(TestStores.entries(sparked, firstSpark)).isEqualTo(TestStores.entries(ingested, firstIngest));
    assertThat(firstSpark.rejectReasons()).isEqualTo(firstIngest.rejectReasons());
    assertThat(firstSpark.unchangedFiles()).isEqualTo(firstIngest.unchangedFiles());
    assertThat(firstSpark.duplicates()).isPositive();
    assertThat(firstSpark.rejected()).isPositive();
    assertThat(firstSpark.unchangedFiles()).isPositive();
    assertThat(firstSpark.filesByStatus()).containsKey("snapshot");
    for (SourceEntry entry : TestStores.entries(sparked, firstSpark)) {
      assertThat(entry.recordsRead()).as(entry.sourceFile())
          .isEqualTo(entry.stored() + entry.duplicates() + entry.rejected());
    }
  }

  @Test
  void holdsExactlyTheEventsSourcesRejectsAndDerivedTablesOfIngest() throws Exception {
    assertThat(StoreComparison.eventDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.sourceDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.rejectDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.snapshotDifferences(ingested, sparked)).isEmpty();
    for (DerivedTable table : DerivedTable.values()) {
      assertThat(StoreComparison.derivedDifferences(table, ingested, sparked)).as(table.fileName()).isEmpty();
    }
  }

  @Test
  void secondRunOverTheGrownArchiveAddsOnlyTheNewFiles() throws Exception {
    assertThat(secondSpark.runId()).isEqualTo("run-000002");
    assertThat(secondSpark.totals()).isEqualTo(secondIngest.totals());
    assertThat(secondSpark.unreadable()).isEqualTo(secondIngest.unreadable());
    assertThat(TestStores.entries(sparked, secondSpark)).isEqualTo(TestStores.entries(ingested, secondIngest));
    assertThat(TestStores.entries(sparked, secondSpark)).extracting(SourceEntry::sourceFile)
        .containsExactly("grown/added.json.gz");
    assertThat(secondSpark.stored()).isPositive();
    assertThat(secondSpark.unchangedFiles()).isEqualTo(secondIngest.unchangedFiles());
  }
}
