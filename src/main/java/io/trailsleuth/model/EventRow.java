package io.trailsleuth.model;

import java.util.Arrays;

/**
 * One normalised event as a mutable row of values indexed by {@link EventColumn}. Mutable on purpose:
 * the ingest fills one row per record on its hot path and hands it to a batch writer at once.
 */
public final class EventRow {
  private final Object[] values = new Object[EventColumn.ALL.size()];

  /** Sets a column; the value's Java type must match the column type. */
  public void set(EventColumn column, Object value) {
    values[column.ordinal()] = value;
  }

  /** The value of a column, or null. */
  public Object get(EventColumn column) {
    return values[column.ordinal()];
  }

  /** The value of a string or JSON column, or null. */
  public String text(EventColumn column) {
    return (String) values[column.ordinal()];
  }

  /** Makes this row a copy of {@code other}. */
  public void copyFrom(EventRow other) {
    System.arraycopy(other.values, 0, values, 0, values.length);
  }

  /** Clears every value so the row can be reused. */
  public void clear() {
    Arrays.fill(values, null);
  }
}
