package io.trailsleuth.model;

/** The value types a stored column can have; each maps to one Arrow, Parquet and DuckDB type. */
public enum ColumnType {
  /** UTF-8 text. */
  STRING("VARCHAR"),
  /** JSON kept verbatim as compact text, so nested content is never lost. */
  JSON("VARCHAR"),
  /** true/false, or null when the record does not say. */
  BOOLEAN("BOOLEAN"),
  /** 64-bit signed integer. */
  BIGINT("BIGINT"),
  /** Instant in UTC, microsecond precision. */
  TIMESTAMP("TIMESTAMP");

  private final String sqlType;

  ColumnType(String sqlType) {
    this.sqlType = sqlType;
  }

  /** The DuckDB type name used in DDL. */
  public String sqlType() {
    return sqlType;
  }
}
