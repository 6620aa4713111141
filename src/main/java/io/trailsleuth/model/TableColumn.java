package io.trailsleuth.model;

import java.util.Locale;

/** A column of one of the store's tables: its SQL name, which is its constant's name in lower case, and its type. */
public interface TableColumn {
  /** The constant's name, as the enum that declares the column gives it ({@code EVENT_ID}). */
  String name();

  /** The snake_case column name: the constant's name in lower case ({@code event_id}). */
  default String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value type. */
  ColumnType type();

  /** Position of the column in its table. */
  int ordinal();
}
