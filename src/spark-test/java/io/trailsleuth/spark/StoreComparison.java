package io.trailsleuth.spark;

import io.trailsleuth.store.DerivedTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Compares two stores table by table with DuckDB: the rows one holds and the other does not, both ways. */
final class StoreComparison {
  private StoreComparison() {}

  /** The events of the two stores that are not in the other, as text, with EXCEPT ALL both ways. */
  static List<String> eventDifferences(Path left, Path right) throws SQLException {
    return differences("read_parquet('%s/runs/*/events/**/*.parquet', hive_partitioning = false)", left, right, "*");
  }

  /** The same for the manifests. */
  static List<String> sourceDifferences(Path left, Path right) throws SQLException {
    return differences("read_parquet('%s/runs/*/sources.parquet')", left, right, "*");
  }

  /** The same for the rejects. */
  static List<String> rejectDifferences(Path left, Path right) throws SQLException {
    return differences("read_parquet('%s/runs/*/rejects.parquet')", left, right, "*");
  }

  /** The same for the snapshot items. */
  static List<String> snapshotDifferences(Path left, Path right) throws SQLException {
    return differences("read_parquet('%s/runs/*/snapshots.parquet')", left, right, "*");
  }

  /** The same for one derived table. */
  static List<String> derivedDifferences(DerivedTable table, Path left, Path right) throws SQLException {
    return differences("read_parquet('%s/runs/*/" + table.fileName() + "')", left, right, "*");
  }

  /** Column names and DuckDB types of a table as read from one store. */
  static List<String> columns(String source, Path store) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + String.format(source, store))) {
      while (rows.next()) {
        columns.add(rows.getString(1) + " " + rows.getString(2));
      }
    }
    return columns;
  }

  private static List<String> differences(String source, Path left, Path right, String select) throws SQLException {
    String leftTable = String.format(source, left);
    String rightTable = String.format(source, right);
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      collect(statement, "SELECT 'only left', " + select + " FROM (SELECT * FROM " + leftTable
          + " EXCEPT ALL SELECT * FROM " + rightTable + ")", rows);
      collect(statement, "SELECT 'only right', " + select + " FROM (SELECT * FROM " + rightTable
          + " EXCEPT ALL SELECT * FROM " + leftTable + ")", rows);
    }
    return rows;
  }

  private static void collect(Statement statement, String sql, List<String> rows) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : " | ").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
  }
}
