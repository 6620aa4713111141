package io.trailsleuth.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The Arrow batches one builder has handed over, kept to be filled again once every consumer has let go of them.
 *
 * <p>A handed-over batch shares its buffers with its consumers (the batch queue, DuckDB's Arrow import), each holding
 * references of its own; once a batch's buffers are back at the reference counts they had when it was handed over,
 * it is free, and its buffers, already mapped and resident, are filled again instead of fresh ones that the kernel
 * maps and zeroes page by page. This relies on every consumer taking its references through the same allocator (one
 * ledger per buffer), as an ingest does.
 */
final class BatchRootPool implements AutoCloseable {
  private final int size;
  private final Supplier<VectorSchemaRoot> fresh;
  /** Handed-over batches, oldest first. */
  private final Deque<HandedOver> handedOver = new ArrayDeque<>();
  private long reused;
  private long created;

  /** A pool of at most {@code size} batches, handed over or being filled; {@code fresh} makes a new one. */
  BatchRootPool(int size, Supplier<VectorSchemaRoot> fresh) {
    if (size < 1) {
      throw new IllegalArgumentException("a batch pool holds at least one batch, not " + size);
    }
    this.size = size;
    this.fresh = fresh;
  }

  /** A batch to fill: a released one, emptied, or a new one. */
  VectorSchemaRoot take() {
    for (Iterator<HandedOver> iterator = handedOver.iterator(); iterator.hasNext(); ) {
      HandedOver batch = iterator.next();
      if (batch.released()) {
        iterator.remove();
        empty(batch.root());
        reused++;
        return batch.root();
      }
    }
    // the batch being filled is one of the pool's; the others may wait for their consumers
    while (handedOver.size() > size - 1) {
      // closing drops only the pool's references: the memory goes when the consumers let go
      handedOver.removeFirst().root().close();
    }
    created++;
    return fresh.get();
  }

  /**
   * Called when {@code root} is about to be handed over, before any consumer takes a reference: notes the counts its
   * buffers hold now (a vector's validity and offsets share one allocation, so the count of the pool's own is not 1).
   */
  void handingOver(VectorSchemaRoot root) {
    List<ArrowBuf> buffers = buffers(root);
    int[] counts = new int[buffers.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = buffers.get(i).getReferenceManager().getRefCount();
    }
    handedOver.addLast(new HandedOver(root, buffers, counts));
  }

  /** Batches filled again instead of allocated. */
  long reused() {
    return reused;
  }

  /** Batches allocated. */
  long created() {
    return created;
  }

  /** The buffers of every vector, read without getFieldBuffers, which sets indexes of buffers a consumer may read. */
  private static List<ArrowBuf> buffers(VectorSchemaRoot root) {
    List<ArrowBuf> buffers = new ArrayList<>();
    for (FieldVector vector : root.getFieldVectors()) {
      buffers.add(vector.getValidityBuffer());
      buffers.add(vector.getDataBuffer());
      if (vector instanceof BaseVariableWidthVector text) {
        buffers.add(text.getOffsetBuffer());
      }
    }
    return buffers;
  }

  /**
   * Empties a released batch, keeping its buffers. The bytes of text values need no zeroing (the offsets say where
   * each value ends), so only validity bits and offsets are cleared, not whole text buffers as {@code reset} would.
   */
  private static void empty(VectorSchemaRoot root) {
    for (FieldVector vector : root.getFieldVectors()) {
      if (vector instanceof BaseVariableWidthVector text) {
        text.getValidityBuffer().setZero(0, text.getValidityBuffer().capacity());
        text.getOffsetBuffer().setZero(0, text.getOffsetBuffer().capacity());
        text.setLastSet(-1);
        text.setValueCount(0);
      } else {
        vector.reset();
      }
    }
    root.setRowCount(0);
  }

  @Override
  public void close() {
    while (!handedOver.isEmpty()) {
      handedOver.removeFirst().root().close();
    }
  }

  /** A handed-over batch, its buffers and the reference counts they held before any consumer took one. */
  private record HandedOver(VectorSchemaRoot root, List<ArrowBuf> buffers, int[] counts) {
    boolean released() {
      for (int i = 0; i < counts.length; i++) {
        if (buffers.get(i).getReferenceManager().getRefCount() != counts[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
