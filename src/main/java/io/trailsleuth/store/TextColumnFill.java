package io.trailsleuth.store;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Fills one text column of an Arrow batch row by row: a value costs one bounds-checked copy into the data buffer and
 * one offset write, and the null bits go in as one copy when the batch is handed over. Arrow's own {@code setSafe}
 * checks capacities, fills holes and reads the previous offset back through checked buffer calls for every value.
 */
final class TextColumnFill {
  private final byte[] validity;
  private BaseVariableWidthVector vector;
  private ArrowBuf offsets;
  private ArrowBuf data;
  private long capacity;
  /** Bytes of the data buffer holding values so far. */
  private long end;

  /** A fill for batches of at most {@code rows} rows. */
  TextColumnFill(int rows) {
    this.validity = new byte[(rows + 7) / 8];
  }

  /** Starts filling {@code empty}, an empty vector with room for the batch's rows. */
  void start(BaseVariableWidthVector empty) {
    vector = empty;
    offsets = empty.getOffsetBuffer();
    data = empty.getDataBuffer();
    capacity = data.capacity();
    end = 0;
    Arrays.fill(validity, (byte) 0);
    offsets.setInt(0, 0);
  }

  /** Sets row {@code row}, the one after the last row set, to {@code length} bytes of {@code bytes} from {@code offset}. */
  void set(int row, byte[] bytes, int offset, int length) {
    if (end + length > capacity) {
      grow(end + length);
    }
    data.setBytes(end, bytes, offset, length);
    end += length;
    offsets.setInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH, (int) end);
    validity[row >>> 3] |= (byte) (1 << (row & 7));
  }

  /** Sets row {@code row}, the one after the last row set, to null. */
  void setNull(int row) {
    offsets.setInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH, (int) end);
  }

  /** Ends the batch at {@code rows} rows: the vector then holds them as if each had been set through Arrow. */
  void finish(int rows) {
    vector.getValidityBuffer().setBytes(0, validity, 0, (rows + 7) / 8);
    vector.setLastSet(rows - 1);
    vector.setValueCount(rows);
  }

  /** Arrow's reallocation keeps the bytes so far, and refuses a buffer over 2 GiB, so {@code end} fits an offset. */
  private void grow(long needed) {
    vector.reallocDataBuffer(needed);
    data = vector.getDataBuffer();
    capacity = data.capacity();
  }
}
