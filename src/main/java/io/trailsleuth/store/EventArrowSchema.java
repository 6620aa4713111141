package io.trailsleuth.store;

import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The Arrow schema of the event table, derived from {@link EventColumn}. */
public final class EventArrowSchema {
  /** The schema, one nullable field per column in declaration order. */
  public static final Schema SCHEMA =
      new Schema(EventColumn.ALL.stream().map(EventArrowSchema::field).toList());

  private EventArrowSchema() {}

  private static Field field(EventColumn column) {
    return new Field(column.columnName(), FieldType.nullable(arrowType(column.type())), List.of());
  }

  static ArrowType arrowType(ColumnType type) {
    return switch (type) {
      case STRING, JSON -> ArrowType.Utf8.INSTANCE;
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case BIGINT -> new ArrowType.Int(64, true);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    };
  }
}
