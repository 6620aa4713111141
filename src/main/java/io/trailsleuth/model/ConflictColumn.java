package io.trailsleuth.model;

import java.util.List;

/** Columns of the {@code conflicts} table: one row per version of an event ID whose copies differ in content. */
public enum ConflictColumn implements TableColumn {
  RUN_ID(ColumnType.STRING),
  EVENT_ID(ColumnType.STRING),
  SOURCE_FILE(ColumnType.STRING),
  SOURCE_RECORD(ColumnType.BIGINT),
  SOURCE_SHA256(ColumnType.STRING),
  /** SHA-256 of the record's canonical form (stored columns, nested JSON with sorted keys, no provenance). */
  RECORD_SHA256(ColumnType.STRING),
  /** True for the version the {@code events} view holds, the one the analysis uses. */
  KEPT(ColumnType.BOOLEAN),
  /** Comma-separated field paths where this version differs from the kept one; empty for the kept one. */
  DIFFERING_FIELDS(ColumnType.STRING),
  /** True when the copy's file matched its CloudTrail digest; null when the ingest did not check digests. */
  VERIFIED(ColumnType.BOOLEAN);

  /** All columns in table order. */
  public static final List<ConflictColumn> ALL = List.of(values());

  private final ColumnType type;

  ConflictColumn(ColumnType type) {
    this.type = type;
  }

  @Override
  public ColumnType type() {
    return type;
  }
}
