package io.trailsleuth.model;

import java.util.List;

/** Columns of the {@code rejects} table: one row per rejected record or rejected rest of a file. */
public enum RejectColumn implements TableColumn {
  RUN_ID(ColumnType.STRING),
  SOURCE_FILE(ColumnType.STRING),
  SOURCE_SHA256(ColumnType.STRING),
  SOURCE_RECORD(ColumnType.BIGINT),
  BYTE_OFFSET(ColumnType.BIGINT),
  REASON_CODE(ColumnType.STRING),
  REASON(ColumnType.STRING);

  /** All columns in table order. */
  public static final List<RejectColumn> ALL = List.of(values());

  private final ColumnType type;

  RejectColumn(ColumnType type) {
    this.type = type;
  }

  @Override
  public ColumnType type() {
    return type;
  }
}
