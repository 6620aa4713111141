package io.trailsleuth.model;

import java.util.List;

/** Columns of the {@code rejects} table: one row per rejected record or rejected rest of a file. */
public enum RejectColumn implements TableColumn {
  RUN_ID("run_id", ColumnType.STRING),
  SOURCE_FILE("source_file", ColumnType.STRING),
  SOURCE_SHA256("source_sha256", ColumnType.STRING),
  SOURCE_RECORD("source_record", ColumnType.BIGINT),
  BYTE_OFFSET("byte_offset", ColumnType.BIGINT),
  REASON_CODE("reason_code", ColumnType.STRING),
  REASON("reason", ColumnType.STRING);

  /** All columns in table order. */
  public static final List<RejectColumn> ALL = List.of(values());

  private final String columnName;
  private final ColumnType type;

  RejectColumn(String columnName, ColumnType type) {
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
