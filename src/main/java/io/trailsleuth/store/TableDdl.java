package io.trailsleuth.store;

import io.trailsleuth.model.TableColumn;
import java.util.List;
import java.util.stream.Collectors;

/** DDL and insert statements derived from a table's column declaration. */
final class TableDdl {
  private TableDdl() {}

  /** CREATE TABLE with every column, in declaration order. */
  static String create(String table, List<? extends TableColumn> columns) {
    return columns.stream()
        .map(c -> c.columnName() + " " + c.type().sqlType())
        .collect(Collectors.joining(", ", "CREATE TABLE " + table + " (", ")"));
  }

  /** INSERT with one positional marker per column. */
  static String insert(String table, List<? extends TableColumn> columns) {
    return columns.stream().map(c -> "?").collect(Collectors.joining(", ", "INSERT INTO " + table + " VALUES (", ")"));
  }
}
