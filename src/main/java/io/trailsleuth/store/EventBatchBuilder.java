package io.trailsleuth.store;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Appends {@link EventRow}s to an Arrow batch; one per ingest worker. */
public final class EventBatchBuilder implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final FieldVector[] vectors;
  private final int capacity;
  private int rows;

  public EventBatchBuilder(BufferAllocator allocator, int capacity) {
    this.root = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator);
    this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
    this.capacity = capacity;
    allocate();
  }

  private void allocate() {
    for (FieldVector vector : vectors) {
      vector.setInitialCapacity(capacity);
      vector.allocateNew();
    }
  }

  /** Adds one row; returns true when the batch is full. */
  public boolean append(EventRow row) {
    for (EventColumn column : EventColumn.ALL) {
      Object value = row.get(column);
      FieldVector vector = vectors[column.ordinal()];
      if (value == null) {
        vector.setNull(rows);
        continue;
      }
      switch (column.type()) {
        case STRING, JSON -> ((VarCharVector) vector).setSafe(rows, ((String) value).getBytes(StandardCharsets.UTF_8));
        case BOOLEAN -> ((BitVector) vector).setSafe(rows, ((Boolean) value) ? 1 : 0);
        case BIGINT -> ((BigIntVector) vector).setSafe(rows, (Long) value);
        case TIMESTAMP -> ((TimeStampMicroVector) vector).setSafe(rows, (Long) value);
      }
    }
    rows++;
    return rows >= capacity;
  }

  /** Rows in the batch so far. */
  public int rows() {
    return rows;
  }

  /** Moves the filled batch into {@code target} (same schema) and starts a fresh one here. */
  public void transferTo(VectorSchemaRoot target) {
    for (FieldVector vector : vectors) {
      vector.setValueCount(rows);
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
