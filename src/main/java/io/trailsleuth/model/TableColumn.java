package io.trailsleuth.model;

/** A column of one of the store's tables: its SQL name and its type. */
public interface TableColumn {
  /** The snake_case column name. */
  String columnName();

  /** The value type. */
  ColumnType type();

  /** Position of the column in its table. */
  int ordinal();
}
