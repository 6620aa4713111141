package io.trailsleuth.spark;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.RejectColumn;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SnapshotItem;
import io.trailsleuth.model.SourceColumn;
import io.trailsleuth.store.SourceEntry;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the executors' parse produces, one row per event, reject, snapshot item or file: {@code kind} says which of
 * the four structs (each with a table's schema from {@link SparkColumns}) is set. It is staged as Parquet, so every file is
 * parsed once and the dedup, the accounting and the rejects all read the same result.
 */
public final class ParsedRows {
  /** Column names and kinds. */
  public static final String KIND = "kind";
  public static final String EVENT = "event";
  public static final String SOURCE = "source";
  public static final String REJECT = "reject";
  public static final String SNAPSHOT = "snapshot";
  /** The manifest status of a file whose content the store or an earlier copy in the run already holds. */
  public static final String UNCHANGED = "unchanged";

  /** The staged schema. */
  public static final StructType SCHEMA = new StructType()
      .add(KIND, DataTypes.StringType, false)
      .add(EVENT, SparkColumns.EVENTS, true)
      .add(SOURCE, SparkColumns.SOURCES, true)
      .add(REJECT, SparkColumns.REJECTS, true)
      .add(SNAPSHOT, SparkColumns.SNAPSHOTS, true);

  private ParsedRows() {}

  /** A parsed event. */
  public static Row event(EventRow row) {
    Object[] values = new Object[EventColumn.ALL.size()];
    for (EventColumn column : EventColumn.ALL) {
      values[column.ordinal()] = SparkColumns.value(column.type(), row.get(column));
    }
    return RowFactory.create(EVENT, RowFactory.create(values), null, null, null);
  }

  /** A reject of a file with this SHA-256 ("" when it could not be read), as {@code ingest} fills it in. */
  public static Row reject(Reject reject, String sha256, String runId) {
    Object[] values = new Object[RejectColumn.ALL.size()];
    values[RejectColumn.RUN_ID.ordinal()] = runId;
    values[RejectColumn.SOURCE_FILE.ordinal()] = reject.sourceFile();
    values[RejectColumn.SOURCE_SHA256.ordinal()] = sha256;
    values[RejectColumn.SOURCE_RECORD.ordinal()] = reject.sourceRecord() < 0 ? null : reject.sourceRecord();
    values[RejectColumn.BYTE_OFFSET.ordinal()] = reject.byteOffset() < 0 ? null : reject.byteOffset();
    values[RejectColumn.REASON_CODE.ordinal()] = reject.reasonCode();
    values[RejectColumn.REASON.ordinal()] = reject.reason();
    return RowFactory.create(REJECT, null, null, RowFactory.create(values), null);
  }

  /** An item of a snapshot file (CLI output, AWS Config file). */
  public static Row snapshot(SnapshotItem item) {
    Object[] values = new Object[SnapshotColumn.ALL.size()];
    for (SnapshotColumn column : SnapshotColumn.ALL) {
      values[column.ordinal()] = SparkColumns.value(column.type(), item.get(column));
    }
    return RowFactory.create(SNAPSHOT, null, null, null, RowFactory.create(values));
  }

  /** A file's manifest row before deduplication (stored = records accepted, duplicates = 0). */
  public static Row source(SourceEntry entry) {
    return RowFactory.create(SOURCE, null, sourceValues(entry, null), null, null);
  }

  /** A manifest row as the sources table holds it. */
  public static Row sourceValues(SourceEntry entry, String runId) {
    return RowFactory.create(runId, entry.inputRoot(), entry.sourceFile(), entry.sizeBytes(), entry.sha256(),
        entry.decompressedBytes(), entry.compression(), entry.shape(), entry.status(), entry.recordsRead(),
        entry.stored(), entry.duplicates(), entry.rejected(),
        entry.firstEventMicros() == null ? null : SparkColumns.utcDateTime(entry.firstEventMicros()),
        entry.lastEventMicros() == null ? null : SparkColumns.utcDateTime(entry.lastEventMicros()), entry.detail());
  }

  /** A manifest row read back from the staged parse. */
  public static SourceEntry sourceEntry(Row row, long stored) {
    long accepted = row.getLong(SourceColumn.STORED.ordinal());
    return new SourceEntry(row.getString(SourceColumn.INPUT_ROOT.ordinal()), row.getString(SourceColumn.SOURCE_FILE.ordinal()),
        row.getLong(SourceColumn.SIZE_BYTES.ordinal()), row.getString(SourceColumn.SHA256.ordinal()),
        row.getLong(SourceColumn.DECOMPRESSED_BYTES.ordinal()), row.getString(SourceColumn.COMPRESSION.ordinal()),
        row.getString(SourceColumn.SHAPE.ordinal()), row.getString(SourceColumn.STATUS.ordinal()),
        row.getLong(SourceColumn.RECORDS_READ.ordinal()), stored, accepted - stored,
        row.getLong(SourceColumn.REJECTED.ordinal()), micros(row, SourceColumn.FIRST_EVENT_TIME),
        micros(row, SourceColumn.LAST_EVENT_TIME), row.getString(SourceColumn.DETAIL.ordinal()));
  }

  private static Long micros(Row row, SourceColumn column) {
    if (row.isNullAt(column.ordinal())) {
      return null;
    }
    java.time.LocalDateTime time = row.getAs(column.ordinal());
    java.time.Instant instant = time.toInstant(java.time.ZoneOffset.UTC);
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
