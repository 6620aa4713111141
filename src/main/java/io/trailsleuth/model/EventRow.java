package io.trailsleuth.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One normalised event as a mutable row of values indexed by {@link EventColumn}. Mutable on purpose:
 * the ingest fills one row per record on its hot path and hands it to a batch writer at once.
 */
public final class EventRow {
  /** Stands in {@code values} for a text value held as a slice of UTF-8 bytes. */
  private static final Object SLICE = new Object();

  private final Object[] values = new Object[EventColumn.ALL.size()];
  private final byte[][] sliceBytes = new byte[values.length][];
  private final int[] sliceOffsets = new int[values.length];
  private final int[] sliceLengths = new int[values.length];

  /**
   * Sets a column; the value's Java type must match the column type: {@code String} for STRING, UTF-8 {@code byte[]}
   * for JSON (copied straight from the parser's output), {@code Boolean}, and {@code Long} for BIGINT and TIMESTAMP
   * (microseconds).
   */
  public void set(EventColumn column, Object value) {
    values[column.ordinal()] = value;
  }

  /**
   * Sets a STRING or JSON column to {@code length} UTF-8 bytes of {@code bytes} from {@code offset}, without a copy:
   * the bytes must stay unchanged while the row is in use.
   */
  public void setSlice(EventColumn column, byte[] bytes, int offset, int length) {
    int index = column.ordinal();
    values[index] = SLICE;
    sliceBytes[index] = bytes;
    sliceOffsets[index] = offset;
    sliceLengths[index] = length;
  }

  /** The value of a column, or null; a slice comes back as a {@code String} or a {@code byte[]} copy. */
  public Object get(EventColumn column) {
    int index = column.ordinal();
    Object value = values[index];
    if (value != SLICE) {
      return value;
    }
    byte[] bytes = sliceBytes[index];
    int from = sliceOffsets[index];
    int length = sliceLengths[index];
    return column.type() == ColumnType.JSON
        ? Arrays.copyOfRange(bytes, from, from + length)
        : new String(bytes, from, length, StandardCharsets.UTF_8);
  }

  /** True when the column holds a slice: read it with {@link #sliceBytes}, {@link #sliceOffset}, {@link #sliceLength}. */
  public boolean isSlice(EventColumn column) {
    return values[column.ordinal()] == SLICE;
  }

  /** The array a slice column's bytes are in. */
  public byte[] sliceBytes(EventColumn column) {
    return sliceBytes[column.ordinal()];
  }

  /** Where a slice column's bytes start. */
  public int sliceOffset(EventColumn column) {
    return sliceOffsets[column.ordinal()];
  }

  /** How many bytes a slice column holds. */
  public int sliceLength(EventColumn column) {
    return sliceLengths[column.ordinal()];
  }

  /** Makes this row a copy of {@code other}; slices are materialised, so the copy outlives the other row's bytes. */
  public void copyFrom(EventRow other) {
    for (EventColumn column : EventColumn.ALL) {
      values[column.ordinal()] = other.get(column);
    }
  }

  /** Clears every value so the row can be reused. */
  public void clear() {
    Arrays.fill(values, null);
  }
}
