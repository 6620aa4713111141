package io.trailsleuth.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Typed reads from result sets of the analysis views; every timestamp is UTC. */
public final class Rows {
  private Rows() {}

  /** A timestamp column as a UTC instant, or null. */
  public static Instant instant(ResultSet rows, String column) throws SQLException {
    Object value = rows.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    throw new SQLException("column " + column + " is not a timestamp: " + value.getClass());
  }

  /** A comma-joined text column (string_agg) as a list; empty for null or empty text. */
  static List<String> list(ResultSet rows, String column) throws SQLException {
    String joined = rows.getString(column);
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  static String text(ResultSet rows, String column) throws SQLException {
    return rows.getString(column);
  }

  static Evidence evidence(ResultSet rows, String eventName) throws SQLException {
    return new Evidence(rows.getString("event_id"), instant(rows, "event_time"), eventName,
        rows.getString("source_file"), rows.getLong("source_record"));
  }

  /** The copy of a source file a row names: columns input_root, source_file, source_sha256, path_ambiguous. */
  static SourceCopy sourceCopy(ResultSet rows) throws SQLException {
    String inputRoot = rows.getString("input_root");
    return new SourceCopy(inputRoot == null ? "" : inputRoot, rows.getString("source_file"),
        rows.getString("source_sha256"), rows.getBoolean("path_ambiguous"));
  }
}
