package io.trailsleuth.model;

import java.util.List;

/** Columns of the {@code sources} table: one row per input file per ingest run, the store's manifest. */
public enum SourceColumn implements TableColumn {
  RUN_ID("run_id", ColumnType.STRING),
  INPUT_ROOT("input_root", ColumnType.STRING),
  SOURCE_FILE("source_file", ColumnType.STRING),
  SIZE_BYTES("size_bytes", ColumnType.BIGINT),
  SHA256("sha256", ColumnType.STRING),
  DECOMPRESSED_BYTES("decompressed_bytes", ColumnType.BIGINT),
  COMPRESSION("compression", ColumnType.STRING),
  SHAPE("shape", ColumnType.STRING),
  STATUS("status", ColumnType.STRING),
  RECORDS_READ("records_read", ColumnType.BIGINT),
  STORED("stored", ColumnType.BIGINT),
  DUPLICATES("duplicates", ColumnType.BIGINT),
  REJECTED("rejected", ColumnType.BIGINT),
  FIRST_EVENT_TIME("first_event_time", ColumnType.TIMESTAMP),
  LAST_EVENT_TIME("last_event_time", ColumnType.TIMESTAMP),
  DETAIL("detail", ColumnType.STRING);

  /** All columns in table order. */
  public static final List<SourceColumn> ALL = List.of(values());

  private final String columnName;
  private final ColumnType type;

  SourceColumn(String columnName, ColumnType type) {
    this.columnName = columnName;
    this.type = type;
  }

  @Override
  public String columnName() {
    return columnName;
  }

  @Override
  public ColumnType type() {
    return type;
  }
}
