package io.trailsleuth.store;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A bounded hand-off of Arrow batches from the parser threads to DuckDB, which pulls them as an Arrow
 * stream. The bound keeps memory flat: producers wait while the writer is behind.
 */
public final class BatchQueue extends ArrowReader {
  private final BlockingQueue<Object> queue;
  private final BufferAllocator allocator;
  private volatile boolean failed;

  public BatchQueue(BufferAllocator allocator, int capacity) {
    super(allocator);
    this.allocator = allocator;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Called by a producer: moves the builder's batch into the queue, waiting while it is full. */
  public void put(EventBatchBuilder builder) throws InterruptedException {
    if (builder.rows() == 0) {
      return;
    }
    VectorSchemaRoot batch = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator);
    builder.transferTo(batch);
    while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
      if (failed) {
        batch.close();
        throw new InterruptedException("the writer stopped");
      }
    }
  }

  /** Called once when every producer is done. */
  public void finish() throws InterruptedException {
    queue.put(Boolean.FALSE);
  }

  /** Called by the writer when it stops early, so producers do not wait forever. */
  public void fail() {
    failed = true;
    Object item;
    while ((item = queue.poll()) != null) {
      if (item instanceof VectorSchemaRoot root) {
        root.close();
      }
    }
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for parsed events", e);
    }
    if (!(item instanceof VectorSchemaRoot batch)) {
      return false;
    }
    try (batch) {
      VectorSchemaRoot target = getVectorSchemaRoot();
      for (int i = 0; i < batch.getFieldVectors().size(); i++) {
        batch.getVector(i).makeTransferPair(target.getVector(i)).transfer();
      }
      target.setRowCount(batch.getRowCount());
    }
    return true;
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    fail();
  }

  @Override
  protected Schema readSchema() {
    return EventArrowSchema.SCHEMA;
  }

}
