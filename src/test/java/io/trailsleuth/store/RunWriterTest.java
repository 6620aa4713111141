package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.common.SqlParameters;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tail of a run: deduplication, the derived tables written on two staging connections at once, and the commit.
 */
final class RunWriterTest {
  private static final String FILE = "2025/03/01/trail.json";
  private static final String SHA256 = "a".repeat(64);

  @TempDir
  Path temp;

  @Test
  void writesFocusEventsWithoutTheRecordsDeduplicationDrops() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    List<EventRow> rows = List.of(
        row("grant-1", "kms.amazonaws.com", "CreateGrant", 0),
        row("grant-1", "kms.amazonaws.com", "CreateGrant", 1),
        row("role-1", "iam.amazonaws.com", "CreateRole", 2),
        row("object-1", "s3.amazonaws.com", "GetObject", 3));

    long stored = ingest(layout, rows);

    assertThat(stored).isEqualTo(3);
    assertThat(strings(layout, "SELECT stored || ' ' || duplicates FROM sources")).containsExactly("3 1");
    assertThat(strings(layout, "SELECT event_id FROM focus_events ORDER BY event_id"))
        .containsExactly("grant-1", "role-1");
    assertThat(strings(layout, "SELECT CAST(events AS VARCHAR) FROM event_hours")).containsExactly("3");
  }

  @Test
  void writesEveryDerivedTableOfARunThatDropsNoRecord() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    List<EventRow> rows = List.of(
        row("grant-1", "kms.amazonaws.com", "CreateGrant", 0),
        row("object-1", "s3.amazonaws.com", "GetObject", 1));

    ingest(layout, rows);

    Path run = layout.committedRuns().get(0);
    for (DerivedTable table : DerivedTable.values()) {
      assertThat(run.resolve(table.fileName())).isRegularFile();
    }
    assertThat(strings(layout, "SELECT event_id FROM focus_events")).containsExactly("grant-1");
    assertThat(strings(layout, "SELECT CAST(events AS VARCHAR) FROM event_hours")).containsExactly("2");
  }

  @Test
  void writesTheDerivedTablesWithTheEventsParquetSettingsAndTheFocusEventsWithoutTheRawIdentity() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    // a role's session reading a bucket, then denied it: a row in every derived table
    EventRow read = row("read-1", "s3.amazonaws.com", "GetObject", 0);
    read.set(EventColumn.USER_IDENTITY_TYPE, "AssumedRole");
    read.set(EventColumn.SESSION_ISSUER_TYPE, "Role");
    read.set(EventColumn.SESSION_ISSUER_PRINCIPAL_ID, "AROAEXAMPLEEXAMPLE01");
    read.set(EventColumn.SESSION_ISSUER_USER_NAME, "worker-exec");
    read.set(EventColumn.REQUEST_PARAMETERS, "{\"bucketName\":\"reports\"}".getBytes(StandardCharsets.UTF_8));
    EventRow denied = row("read-2", "s3.amazonaws.com", "GetObject", 1);
    denied.set(EventColumn.ERROR_CODE, "AccessDenied");
    ingest(layout, List.of(read, denied));

    Path run = layout.committedRuns().get(0);
    for (DerivedTable table : DerivedTable.values()) {
      String file = SqlParameters.quote(run.resolve(table.fileName()).toString());
      assertThat(strings(layout, "SELECT DISTINCT compression || ' bloom filters: ' || (bloom_filter_offset IS NOT NULL)"
          + " FROM parquet_metadata(" + file + ")")).as(table.fileName()).containsExactly("ZSTD bloom filters: false");
    }
    assertThat(strings(layout, "SELECT name FROM parquet_schema("
        + SqlParameters.quote(run.resolve(DerivedTable.FOCUS_EVENTS.fileName()).toString()) + ")"))
        .contains(EventColumn.EVENT_ID.columnName()).doesNotContain(EventColumn.USER_IDENTITY.columnName());
  }

  @Test
  void failsTheRunAndLeavesTheStoreUnchangedWhenTheLaneCannotWriteADerivedTable() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    String runId = layout.nextRunId();
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = RunWriter.begin(layout, runId, allocator, "256MB")) {
      stage(writer, allocator, List.of(row("grant-1", "kms.amazonaws.com", "CreateGrant", 0)));
      // a directory where the focus events' file goes: the COPY on the lane cannot open it
      Files.createDirectories(layout.staging(runId).resolve(runId).resolve(DerivedTable.FOCUS_EVENTS.fileName())
          .resolve("occupied"));
      writer.addSource(parsedEntry(FILE, SHA256, 1));
      writer.deduplicateAndWrite(Set::of, 1);

      assertThatThrownBy(() -> writer.commit())
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("writing the run manifest failed: ");
    }
    assertThat(layout.committedRuns()).isEmpty();
    assertThat(layout.staging(runId)).doesNotExist();
  }

  @Test
  void takesTheParsedCountsAsStoredWhenTheIdHashesProveNoRepeat() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    String runId = layout.nextRunId();
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = RunWriter.begin(layout, runId, allocator, "256MB")) {
      stage(writer, allocator, List.of(row("grant-1", "kms.amazonaws.com", "CreateGrant", 0),
          row("object-1", "s3.amazonaws.com", "GetObject", 1)), true);
      writer.addSource(parsedEntry(FILE, SHA256, 2));
      writer.addSource(parsedEntry("2025/03/01/empty.json", "b".repeat(64), 0));

      assertThat(writer.deduplicateAndWrite(Set::of, 2)).isEqualTo(2);
      writer.commit();
    }
    assertThat(strings(layout, "SELECT event_id FROM focus_events")).containsExactly("grant-1");
    assertThat(strings(layout, "SELECT CAST(events AS VARCHAR) FROM event_hours")).containsExactly("2");
  }

  @Test
  void deduplicatesInSqlWhenTwoIdsHashAlike() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    String runId = layout.nextRunId();
    long stored;
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = RunWriter.begin(layout, runId, allocator, "256MB")) {
      stage(writer, allocator, List.of(row("grant-1", "kms.amazonaws.com", "CreateGrant", 0),
          row("grant-1", "kms.amazonaws.com", "CreateGrant", 1), row("role-1", "iam.amazonaws.com", "CreateRole", 2)),
          true);
      writer.addSource(parsedEntry(FILE, SHA256, 3));
      writer.addSource(parsedEntry("2025/03/01/other.json", "c".repeat(64), 0));

      stored = writer.deduplicateAndWrite(Set::of, 3);
      writer.commit();
    }
    assertThat(stored).isEqualTo(2);
    assertThat(strings(layout, "SELECT source_file || ' ' || stored || ' ' || duplicates FROM sources ORDER BY source_file"))
        .containsExactly("2025/03/01/other.json 0 0", FILE + " 2 1");
    assertThat(strings(layout, "SELECT event_id FROM focus_events ORDER BY event_id"))
        .containsExactly("grant-1", "role-1");
  }

  @Test
  void failsARunWhoseEventFilesHoldFewerEventsThanItsFilesHandedOn() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    String runId = layout.nextRunId();
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = RunWriter.begin(layout, runId, allocator, "256MB")) {
      EventIdHashes.Recorder lost = writer.eventIds().recorder();
      lost.add(row("lost-1", "kms.amazonaws.com", "Decrypt", 9));
      lost.finish();
      stage(writer, allocator, List.of(row("grant-1", "kms.amazonaws.com", "CreateGrant", 0)), true);
      writer.addSource(parsedEntry(FILE, SHA256, 2));

      assertThatThrownBy(() -> writer.deduplicateAndWrite(Set::of, 2))
          .isInstanceOf(StoreException.class)
          .hasMessage("the run's event files hold 1 events where its files' manifest rows store 2 and 2 were parsed");
    }
    assertThat(layout.committedRuns()).isEmpty();
  }

  @Test
  void failsARunThatDroppedRecordsWhenAFileLostARecordBeforeDeduplication() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    String runId = layout.nextRunId();
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = RunWriter.begin(layout, runId, allocator, "256MB")) {
      // the file handed on three events, one repeated; one of them never reached the event files
      stage(writer, allocator, List.of(row("grant-1", "kms.amazonaws.com", "CreateGrant", 0),
          row("grant-1", "kms.amazonaws.com", "CreateGrant", 1)), true);
      writer.addSource(parsedEntry(FILE, SHA256, 3));

      assertThatThrownBy(() -> writer.deduplicateAndWrite(Set::of, 3))
          .isInstanceOf(StoreException.class)
          .hasMessage("the run's event files do not hold the records its files handed on (1 files differ)");
    }
    assertThat(layout.committedRuns()).isEmpty();
  }

  /** A file's manifest row as a parser thread writes it: every record it handed on counted as stored. */
  private static SourceEntry parsedEntry(String file, String sha256, long records) {
    return new SourceEntry("in", file, 100, sha256, 1000, "none", "records-array", "ingested", records, records, 0, 0,
        null, null, "");
  }

  /** Stages the rows, all of one file, with that file's manifest row; returns the events stored. */
  private static long ingest(StoreLayout layout, List<EventRow> rows) throws Exception {
    String runId = layout.nextRunId();
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = RunWriter.begin(layout, runId, allocator, "256MB")) {
      stage(writer, allocator, rows);
      writer.addSource(parsedEntry(FILE, SHA256, rows.size()));
      long stored = writer.deduplicateAndWrite(Set::of, rows.size());
      writer.commit();
      return stored;
    }
  }

  private static void stage(RunWriter writer, BufferAllocator allocator, List<EventRow> rows) throws Exception {
    stage(writer, allocator, rows, false);
  }

  /** Stages the rows as one parser thread does, hashing their IDs first when {@code hashIds}. */
  private static void stage(RunWriter writer, BufferAllocator allocator, List<EventRow> rows, boolean hashIds)
      throws Exception {
    if (hashIds) {
      EventIdHashes.Recorder recorder = writer.eventIds().recorder();
      rows.forEach(recorder::add);
      recorder.finish();
    }
    writer.startConsuming(allocator);
    try (EventBatchBuilder builder = new EventBatchBuilder(allocator, rows.size())) {
      rows.forEach(builder::append);
      writer.queue().put(builder);
      writer.finishProducing();
    }
  }

  private static EventRow row(String eventId, String eventSource, String eventName, long record) {
    EventRow row = new EventRow();
    row.set(EventColumn.EVENT_ID, eventId);
    row.set(EventColumn.EVENT_SOURCE, eventSource);
    row.set(EventColumn.EVENT_NAME, eventName);
    row.set(EventColumn.EVENT_TIME, 1_740_787_200_000_000L + record);
    row.set(EventColumn.RECIPIENT_ACCOUNT_ID, "111122223333");
    row.set(EventColumn.AWS_REGION, "us-east-1");
    row.set(EventColumn.SOURCE_FILE, FILE);
    row.set(EventColumn.SOURCE_SHA256, SHA256);
    row.set(EventColumn.SOURCE_RECORD, record);
    return row;
  }

  private static List<String> strings(StoreLayout layout, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = CaseStore.connect(layout, "256MB");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
    return values;
  }
}
