package io.trailsleuth.spark;

import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.RejectColumn;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SourceColumn;
import io.trailsleuth.model.TableColumn;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's schemas of the store's tables, derived from the column declarations in {@code model/}: no second schema.
 * TIMESTAMP is Spark's TIMESTAMP_NTZ holding the UTC wall time, which Parquet stores as INT64 TIMESTAMP(MICROS)
 * without the adjusted-to-UTC flag, exactly as DuckDB writes (and reads back) the ingest's TIMESTAMP columns.
 */
public final class SparkColumns {
  /** The event table. */
  public static final StructType EVENTS = schema(EventColumn.ALL);
  /** The manifest. */
  public static final StructType SOURCES = schema(SourceColumn.ALL);
  /** The rejects. */
  public static final StructType REJECTS = schema(RejectColumn.ALL);
  /** The snapshot items. */
  public static final StructType SNAPSHOTS = schema(SnapshotColumn.ALL);
  /**
   * Name of the day of event_time that the store's events view adds (for the derived tables, as DuckDB's ingest does),
   * and the partition column of stores of format 1 to 3.
   */
  public static final String EVENT_DATE = "event_date";

  private SparkColumns() {}

  /** One nullable field per column, in declaration order. */
  public static StructType schema(List<? extends TableColumn> columns) {
    return new StructType(columns.stream()
        .map(c -> new StructField(c.columnName(), type(c.type()), true, org.apache.spark.sql.types.Metadata.empty()))
        .toArray(StructField[]::new));
  }

  /** The Spark type of a column type. */
  public static DataType type(ColumnType type) {
    return switch (type) {
      case STRING, JSON -> DataTypes.StringType;
      case BOOLEAN -> DataTypes.BooleanType;
      case BIGINT -> DataTypes.LongType;
      case TIMESTAMP -> DataTypes.TimestampNTZType;
    };
  }

  /**
   * A value as the ingest holds it ({@code String}, UTF-8 {@code byte[]} for JSON, {@code Boolean}, {@code Long}
   * with microseconds or an {@code Instant} for TIMESTAMP) converted to the external type Spark expects.
   */
  public static Object value(ColumnType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case STRING, BOOLEAN, BIGINT -> value;
      case JSON -> value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
      case TIMESTAMP -> value instanceof java.time.Instant instant
          ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : utcDateTime((Long) value);
    };
  }

  /** Microseconds since the epoch as the UTC wall time. */
  public static LocalDateTime utcDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }
}
