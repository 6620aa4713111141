package io.trailsleuth.model;

import java.util.Arrays;

/**
 * One normalised event as a mutable row of values indexed by {@link EventColumn}. Mutable on purpose:
 * the ingest fills one row per record on its hot path and hands it to a batch writer at once.
 */
public final class EventRow {
  private final Object[] values = new Object[EventColumn.ALL.size()];

  /**
   * Sets a column; the value's Java type must match the column type: {@code String} for STRING, UTF-8 {@code byte[]}
   * for JSON (copied straight from the parser's output), {@code Boolean}, and {@code Long} for BIGINT and TIMESTAMP
   * (microseconds).
   */
  public void set(EventColumn column, Object value) {
    values[column.ordinal()] = value;
  }

  /** The value of a column, or null. */
  public Object get(EventColumn column) {
    return values[column.ordinal()];
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
