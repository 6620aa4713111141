package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.count;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.SourceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events dedup by event_id across files, shapes and runs; re-ingest is incremental by file SHA-256. */
final class DeduplicationTest {
  @TempDir
  Path temp;

  @Test
  void storesEventsSeenInATrailFileAndALookupEventsExportOnce() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, "org-trail/trail.json");
    copy("lookup-events/lookup-events.json", archive, "exports/lookup-events.json");
    copy("cloudwatch-export/export.log", archive, "exports/cloudwatch.log");
    Path store = temp.resolve("store");

    IngestSummary summary = TestStores.ingest(store, archive);

    assertThat(summary.recordsRead()).isEqualTo(6);
    assertThat(summary.stored()).isEqualTo(2);
    assertThat(summary.duplicates()).isEqualTo(4);
    Accounting.assertBalanced(store, summary);
    // of the copies of an event, the first by path is kept
    assertThat(TestStores.entries(store, summary)).extracting(e -> e.sourceFile() + " " + e.stored() + "+" + e.duplicates())
        .containsExactlyInAnyOrder("exports/cloudwatch.log 2+0", "exports/lookup-events.json 0+2", "org-trail/trail.json 0+2");
    assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(2);
    assertThat(count(store, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(2);
  }

  @Test
  void reIngestingTheSameArchiveAddsNothingAndWritesNoRun() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/pretty.json", archive, "a.json");
    copy("bare-array/records.json", archive, "b.json");
    Path store = temp.resolve("store");
    IngestSummary first = TestStores.ingest(store, archive);

    IngestSummary second = TestStores.ingest(store, archive);

    assertThat(first.runId()).isEqualTo("run-000001");
    assertThat(second.runId()).isEmpty();
    assertThat(second.filesByStatus()).isEmpty();
    assertThat(second.unchangedFiles()).isEqualTo(2);
    assertThat(CaseStore.openExisting(store).committedRuns()).hasSize(1);
    assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(first.stored()).isEqualTo(3);
  }

  @Test
  void ingestingAGrownArchiveReadsOnlyTheNewFiles() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, "2025/03/04/a.json");
    Path store = temp.resolve("store");
    TestStores.ingest(store, archive);
    copy("json-lines/records.jsonl", archive, "2025/03/05/b.jsonl");

    IngestSummary second = TestStores.ingest(store, archive);

    assertThat(second.runId()).isEqualTo("run-000002");
    assertThat(second.unchangedFiles()).isEqualTo(1);
    assertThat(TestStores.entries(store, second)).extracting(SourceEntry::sourceFile).containsExactly("2025/03/05/b.jsonl");
    SourceEntry grown = TestStores.entries(store, second).get(0);
    assertThat(grown.recordsRead()).isEqualTo(3);
    assertThat(grown.duplicates()).as("CreateGrant is already stored from run 1").isEqualTo(1);
    assertThat(grown.stored()).isEqualTo(2);
    assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(4);
    assertThat(count(store, "SELECT count(*) FROM sources")).isEqualTo(2);
  }

  @Test
  void givesARecordWithoutEventIdAStableDerivedIdThatDeduplicates() throws Exception {
    Path store = temp.resolve("store");
    IngestSummary first = TestStores.ingest(store, fixture("no-event-id/records.json"));

    assertThat(first.stored()).isEqualTo(1);
    assertThat(first.duplicates()).isEqualTo(1);
    Map<String, Object> row = rows(store, "SELECT event_id, event_id_derived FROM events").get(0);
    assertThat(row.get("event_id_derived")).isEqualTo(true);
    assertThat((String) row.get("event_id")).startsWith("derived-");

    // The same record, pretty-printed in another file and another run, derives the same id.
    Path again = temp.resolve("again/records.json");
    Files.createDirectories(again.getParent());
    String compact = Files.readString(fixture("no-event-id/records.json"));
    Files.writeString(again, new com.fasterxml.jackson.databind.ObjectMapper().readTree(compact).toPrettyString());
    IngestSummary second = TestStores.ingest(store, again);

    assertThat(second.duplicates()).isEqualTo(2);
    assertThat(second.stored()).isZero();
    assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(1);
  }
}
