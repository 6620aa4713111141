package io.trailsleuth.model;

import java.util.List;

/** Columns of the {@code sources} table: one row per input file per ingest run, the store's manifest. */
public enum SourceColumn implements TableColumn {
  RUN_ID(ColumnType.STRING),
  INPUT_ROOT(ColumnType.STRING),
  SOURCE_FILE(ColumnType.STRING),
  SIZE_BYTES(ColumnType.BIGINT),
  SHA256(ColumnType.STRING),
  DECOMPRESSED_BYTES(ColumnType.BIGINT),
  COMPRESSION(ColumnType.STRING),
  SHAPE(ColumnType.STRING),
  STATUS(ColumnType.STRING),
  RECORDS_READ(ColumnType.BIGINT),
  STORED(ColumnType.BIGINT),
  DUPLICATES(ColumnType.BIGINT),
  REJECTED(ColumnType.BIGINT),
  FIRST_EVENT_TIME(ColumnType.TIMESTAMP),
  LAST_EVENT_TIME(ColumnType.TIMESTAMP),
  DETAIL(ColumnType.STRING);

  /** All columns in table order. */
  public static final List<SourceColumn> ALL = List.of(values());

  private final ColumnType type;

  SourceColumn(ColumnType type) {
    this.type = type;
  }

  @Override
  public ColumnType type() {
    return type;
  }
}
