package io.trailsleuth.store;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A bounded hand-off of Arrow batches from the parser threads to DuckDB, which pulls them as an Arrow
 * stream. The bound keeps memory flat: producers wait while the writer is behind.
 */
public final class BatchQueue extends ArrowReader {
  private final BlockingQueue<Object> queue;
  private volatile boolean failed;

  public BatchQueue(BufferAllocator allocator, int capacity) {
    super(allocator);
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Called by a producer: moves the builder's batch into the queue, waiting while it is full. */
  public void put(EventBatchBuilder builder) throws InterruptedException {
    if (builder.rows() == 0) {
      return;
    }
    ArrowRecordBatch batch = builder.handOver();
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
      if (item instanceof ArrowRecordBatch batch) {
        batch.close();
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
    if (!(item instanceof ArrowRecordBatch batch)) {
      return false;
    }
    try (batch) {
      // the stream's root takes references of its own; the builder's batch is free once DuckDB releases them too
      new VectorLoader(getVectorSchemaRoot()).load(batch);
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
