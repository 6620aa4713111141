package io.trailsleuth.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * One item of a point-in-time snapshot (a grant of {@code kms list-grants}, a role of {@code iam get-role}, an AWS
 * Config configuration item, ...): its typed fields by {@link SnapshotColumn}. Mutable while it is built.
 */
public final class SnapshotItem {
  private final Map<SnapshotColumn, Object> values = new EnumMap<>(SnapshotColumn.class);

  /** Sets a column; a null value leaves it unset. Returns this item. */
  public SnapshotItem set(SnapshotColumn column, Object value) {
    if (value == null) {
      values.remove(column);
    } else {
      values.put(column, value);
    }
    return this;
  }

  /** The value of a column, or null. */
  public Object get(SnapshotColumn column) {
    return values.get(column);
  }

  /** The text value of a column, or null. */
  public String text(SnapshotColumn column) {
    Object value = values.get(column);
    return value == null ? null : value.toString();
  }
}
