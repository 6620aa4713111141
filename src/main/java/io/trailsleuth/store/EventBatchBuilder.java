package io.trailsleuth.store;

import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Appends {@link EventRow}s to an Arrow batch; one per ingest worker. Text vectors of a fresh batch are sized from
 * the last one, so a batch does not grow its buffers by doubling and copying.
 */
public final class EventBatchBuilder implements AutoCloseable {
  private static final EventColumn[] COLUMNS = EventColumn.values();
  private static final ColumnType[] TYPES = Arrays.stream(COLUMNS).map(EventColumn::type).toArray(ColumnType[]::new);
  /** Bytes per value reserved for a text column before any batch has been seen. */
  private static final int FIRST_BYTES_PER_VALUE = 32;

  private final VectorSchemaRoot root;
  private final FieldVector[] vectors;
  private final int capacity;
  /** Text bytes each vector held in the last full batch. */
  private final long[] lastBytes;
  /** The last string appended per column and its UTF-8 form: the source columns repeat one string per file. */
  private final String[] lastStrings;
  private final byte[][] lastEncoded;
  private int rows;

  public EventBatchBuilder(BufferAllocator allocator, int capacity) {
    this.root = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator);
    this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
    this.capacity = capacity;
    this.lastBytes = new long[vectors.length];
    this.lastStrings = new String[vectors.length];
    this.lastEncoded = new byte[vectors.length][];
    allocate();
  }

  private void allocate() {
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i] instanceof BaseVariableWidthVector text) {
        long bytes = Math.max((long) capacity * FIRST_BYTES_PER_VALUE, lastBytes[i] + lastBytes[i] / 8);
        text.allocateNew(bytes, capacity);
      } else {
        vectors[i].setInitialCapacity(capacity);
        vectors[i].allocateNew();
      }
    }
  }

  /**
   * Adds one row; returns true when the batch is full. Every text value, slice or not, reaches its vector through the
   * one {@code setSafe} call at the end of the loop, so that the compiled method holds Arrow's write path once.
   */
  public boolean append(EventRow row) {
    for (int index = 0; index < COLUMNS.length; index++) {
      EventColumn column = COLUMNS[index];
      FieldVector vector = vectors[index];
      byte[] text;
      int offset = 0;
      int length;
      if (row.isSlice(column)) {
        text = row.sliceBytes(column);
        offset = row.sliceOffset(column);
        length = row.sliceLength(column);
      } else {
        Object value = row.get(column);
        if (value == null) {
          vector.setNull(rows);
          continue;
        }
        // the other types are written here; text values leave the switch for the write below
        text = switch (TYPES[index]) {
          case STRING -> encoded(index, (String) value);
          case JSON -> (byte[]) value;
          case BOOLEAN -> {
            ((BitVector) vector).setSafe(rows, ((Boolean) value) ? 1 : 0);
            yield null;
          }
          case BIGINT -> {
            ((BigIntVector) vector).setSafe(rows, (Long) value);
            yield null;
          }
          case TIMESTAMP -> {
            ((TimeStampMicroVector) vector).setSafe(rows, (Long) value);
            yield null;
          }
        };
        if (text == null) {
          continue;
        }
        length = text.length;
      }
      ((VarCharVector) vector).setSafe(rows, text, offset, length);
    }
    rows++;
    return rows >= capacity;
  }

  private byte[] encoded(int index, String value) {
    if (value != lastStrings[index]) {
      lastStrings[index] = value;
      lastEncoded[index] = value.getBytes(StandardCharsets.UTF_8);
    }
    return lastEncoded[index];
  }

  /** Rows in the batch so far. */
  public int rows() {
    return rows;
  }

  /** Moves the filled batch into {@code target} (same schema) and starts a fresh one here. */
  public void transferTo(VectorSchemaRoot target) {
    for (int i = 0; i < vectors.length; i++) {
      vectors[i].setValueCount(rows);
      if (vectors[i] instanceof BaseVariableWidthVector text && rows == capacity) {
        lastBytes[i] = text.sizeOfValueBuffer();
      }
    }
    root.setRowCount(rows);
    for (int i = 0; i < vectors.length; i++) {
      vectors[i].makeTransferPair(target.getVector(i)).transfer();
    }
    target.setRowCount(rows);
    rows = 0;
    allocate();
  }

  @Override
  public void close() {
    root.close();
  }
}
