package io.trailsleuth.store;

import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Appends {@link EventRow}s to an Arrow batch; one per ingest worker. A handed-over batch is filled again once its
 * consumers have released it ({@link BatchRootPool}); a new batch's text vectors are sized from the last full one,
 * so a batch does not grow its buffers by doubling and copying.
 */
public final class EventBatchBuilder implements AutoCloseable {
  private static final EventColumn[] COLUMNS = EventColumn.values();
  private static final ColumnType[] TYPES = Arrays.stream(COLUMNS).map(EventColumn::type).toArray(ColumnType[]::new);
  /** Bytes per value reserved for a text column before any batch has been seen. */
  private static final int FIRST_BYTES_PER_VALUE = 32;
  /**
   * Batches one builder keeps, the one being filled included: the writer's queue holds two, DuckDB's import one or
   * two more, so four leave one being filled and three on their way without a fresh allocation.
   */
  private static final int POOL_SIZE = 4;
  /**
   * Rows of a builder's first batch, when its capacity is larger. The writer gets work sooner, and the full-batch
   * return of {@link #append} is taken while append still runs in profiled code: C2 compiles append after a few
   * thousand rows, and a first return of true after that deoptimised the compiled append, which C2 then compiled a
   * second time (200k events: 32 + 22 ms of compilation; bench-notes-parse.md).
   */
  static final int FIRST_BATCH_ROWS = 1024;

  private final BufferAllocator allocator;
  private final int capacity;
  /** Rows at which the batch being filled is full: {@link #FIRST_BATCH_ROWS} for the first, then capacity. */
  private int limit;
  private final BatchRootPool pool;
  private VectorSchemaRoot root;
  private FieldVector[] vectors;
  /** Text bytes each vector held in the last full batch. */
  private final long[] lastBytes;
  /** The last string appended per column and its UTF-8 form: the source columns repeat one string per file. */
  private final String[] lastStrings;
  private final byte[][] lastEncoded;
  /** The text columns' fills, null for the other columns. */
  private final TextColumnFill[] fills;
  private int rows;

  public EventBatchBuilder(BufferAllocator allocator, int capacity) {
    this.allocator = allocator;
    this.capacity = capacity;
    this.limit = Math.min(capacity, FIRST_BATCH_ROWS);
    this.lastBytes = new long[COLUMNS.length];
    this.lastStrings = new String[COLUMNS.length];
    this.lastEncoded = new byte[COLUMNS.length][];
    this.fills = new TextColumnFill[COLUMNS.length];
    for (int i = 0; i < COLUMNS.length; i++) {
      if (TYPES[i] == ColumnType.STRING || TYPES[i] == ColumnType.JSON) {
        fills[i] = new TextColumnFill(capacity);
      }
    }
    this.pool = new BatchRootPool(POOL_SIZE, this::allocate);
    use(pool.take());
  }

  private VectorSchemaRoot allocate() {
    VectorSchemaRoot fresh = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator);
    List<FieldVector> fields = fresh.getFieldVectors();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i) instanceof BaseVariableWidthVector text) {
        long bytes = Math.max((long) capacity * FIRST_BYTES_PER_VALUE, lastBytes[i] + lastBytes[i] / 8);
        text.allocateNew(bytes, capacity);
      } else {
        fields.get(i).setInitialCapacity(capacity);
        fields.get(i).allocateNew();
      }
    }
    return fresh;
  }

  private void use(VectorSchemaRoot next) {
    root = next;
    vectors = next.getFieldVectors().toArray(new FieldVector[0]);
    for (int i = 0; i < vectors.length; i++) {
      if (fills[i] != null) {
        fills[i].start((BaseVariableWidthVector) vectors[i]);
      }
    }
  }

  /**
   * Adds one row; returns true when the batch is full, and then it must be handed over before the next row. Every
   * text value, slice or not, reaches its column through the one {@link TextColumnFill#set} call at the end of the
   * loop, so that the compiled method holds the write path once.
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
          if (fills[index] != null) {
            fills[index].setNull(rows);
          } else {
            vector.setNull(rows);
          }
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
      fills[index].set(rows, text, offset, length);
    }
    rows++;
    return rows >= limit;
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

  /**
   * Hands the filled batch over: the returned record batch holds its own references to the buffers, which this
   * builder fills again only once every consumer has released them. The builder goes on with an empty batch.
   */
  public ArrowRecordBatch handOver() {
    for (int i = 0; i < vectors.length; i++) {
      if (fills[i] != null) {
        fills[i].finish(rows);
      } else {
        vectors[i].setValueCount(rows);
      }
      if (vectors[i] instanceof BaseVariableWidthVector text && rows == capacity) {
        lastBytes[i] = text.sizeOfValueBuffer();
      }
    }
    root.setRowCount(rows);
    pool.handingOver(root);
    ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch();
    rows = 0;
    limit = capacity;
    use(pool.take());
    return batch;
  }

  /** Batches filled again instead of allocated so far. */
  public long reusedBatches() {
    return pool.reused();
  }

  /** Batches allocated so far. */
  public long allocatedBatches() {
    return pool.created();
  }

  @Override
  public void close() {
    root.close();
    pool.close();
  }
}
