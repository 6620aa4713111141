package io.trailsleuth.model;

import java.util.List;

/** Columns of the {@code conflicts} table: one row per version of an event ID whose copies differ in content. */
public enum ConflictColumn implements TableColumn {
  RUN_ID("run_id", ColumnType.STRING),
  EVENT_ID("event_id", ColumnType.STRING),
  SOURCE_FILE("source_file", ColumnType.STRING),
  SOURCE_RECORD("source_record", ColumnType.BIGINT),
  SOURCE_SHA256("source_sha256", ColumnType.STRING),
  /** SHA-256 of the record's canonical form (stored columns, nested JSON with sorted keys, no provenance). */
  RECORD_SHA256("record_sha256", ColumnType.STRING),
  /** True for the version the {@code events} view holds, the one the analysis uses. */
  KEPT("kept", ColumnType.BOOLEAN),
  /** Comma-separated field paths where this version differs from the kept one; empty for the kept one. */
  DIFFERING_FIELDS("differing_fields", ColumnType.STRING),
  /** True when the copy's file matched its CloudTrail digest; null when the ingest did not check digests. */
  VERIFIED("verified", ColumnType.BOOLEAN);

  /** All columns in table order. */
  public static final List<ConflictColumn> ALL = List.of(values());

  private final String columnName;
  private final ColumnType type;

  ConflictColumn(String columnName, ColumnType type) {
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
