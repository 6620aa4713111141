package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.Test;

class EventBatchBuilderTest {
  @Test
  void keepsAHandedOverBatchIntactUntilItsConsumerReleasesIt() {
    try (BufferAllocator allocator = new RootAllocator();
        EventBatchBuilder builder = new EventBatchBuilder(allocator, 2);
        VectorSchemaRoot consumer = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator)) {
      builder.append(row("first-0", "CreateRole", 1));
      assertThat(builder.append(row("first-1", "DeleteRole", 2))).isTrue();
      load(consumer, builder.handOver());
      for (int batch = 0; batch < 6; batch++) {
        builder.append(row("later-" + batch, "Decrypt", 10 + batch));
        builder.append(row("later-" + batch + "b", "Decrypt", 20 + batch));
        builder.handOver().close();
      }

      assertThat(values(consumer, EventColumn.EVENT_ID)).containsExactly("first-0", "first-1");
      assertThat(values(consumer, EventColumn.EVENT_NAME)).containsExactly("CreateRole", "DeleteRole");
      assertThat(values(consumer, EventColumn.EVENT_TIME)).containsExactly(1L, 2L);
      // the held batch was never filled again; the released ones take turns (the builder looks for a free batch
      // while the one just handed over is still in its record batch): three allocations in all
      assertThat(builder.allocatedBatches()).isEqualTo(3);
      assertThat(builder.reusedBatches()).isEqualTo(5);
    }
  }

  @Test
  void readsBackNullsAndShorterValuesFromABatchFilledAgain() {
    try (BufferAllocator allocator = new RootAllocator();
        EventBatchBuilder builder = new EventBatchBuilder(allocator, 3);
        VectorSchemaRoot consumer = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator)) {
      for (int i = 0; i < 3; i++) {
        EventRow full = row("long-event-id-" + "x".repeat(100 * i), "AssumeRoleWithWebIdentity", i);
        full.set(EventColumn.ERROR_CODE, "AccessDenied");
        full.set(EventColumn.READ_ONLY, true);
        full.set(EventColumn.SOURCE_RECORD, 7L);
        full.set(EventColumn.REQUEST_PARAMETERS, "{\"roleName\":\"builder\"}".getBytes(StandardCharsets.UTF_8));
        builder.append(full);
      }
      builder.handOver().close();
      builder.append(row("fresh", "Encrypt", 3));
      builder.handOver().close();
      // the batch now being filled is the first one again
      assertThat(builder.reusedBatches()).isEqualTo(1);

      byte[] slices = "abcDecrypt".getBytes(StandardCharsets.UTF_8);
      EventRow sliced = row("s", null, 5);
      sliced.setSlice(EventColumn.EVENT_NAME, slices, 3, 7);
      builder.append(row("", "", 4));
      builder.append(sliced);
      load(consumer, builder.handOver());

      assertThat(consumer.getRowCount()).isEqualTo(2);
      assertThat(values(consumer, EventColumn.EVENT_ID)).containsExactly("", "s");
      assertThat(values(consumer, EventColumn.EVENT_NAME)).containsExactly("", "Decrypt");
      assertThat(values(consumer, EventColumn.ERROR_CODE)).containsExactly(null, null);
      assertThat(values(consumer, EventColumn.READ_ONLY)).containsExactly(null, null);
      assertThat(values(consumer, EventColumn.SOURCE_RECORD)).containsExactly(null, null);
      assertThat(values(consumer, EventColumn.REQUEST_PARAMETERS)).containsExactly(null, null);
    }
  }

  @Test
  void readsBackTextsThatOutgrowTheBatchsFirstBuffer() {
    try (BufferAllocator allocator = new RootAllocator();
        EventBatchBuilder builder = new EventBatchBuilder(allocator, 2);
        VectorSchemaRoot consumer = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator)) {
      String first = "a".repeat(5_000);
      String second = "b".repeat(70_000);
      builder.append(row(first, "GenerateDataKey", 1));
      builder.append(row(second, null, 2));
      load(consumer, builder.handOver());

      assertThat(values(consumer, EventColumn.EVENT_ID)).containsExactly(first, second);
      assertThat(values(consumer, EventColumn.EVENT_NAME)).containsExactly("GenerateDataKey", null);
    }
  }

  @Test
  void handsOverAShortFirstBatchThenFullOnes() {
    int capacity = 3 * EventBatchBuilder.FIRST_BATCH_ROWS;
    try (BufferAllocator allocator = new RootAllocator();
        EventBatchBuilder builder = new EventBatchBuilder(allocator, capacity);
        VectorSchemaRoot consumer = VectorSchemaRoot.create(EventArrowSchema.SCHEMA, allocator)) {
      List<Integer> fullAt = new ArrayList<>();
      List<Integer> batchRows = new ArrayList<>();
      for (int row = 1; row <= EventBatchBuilder.FIRST_BATCH_ROWS + 2 * capacity; row++) {
        if (builder.append(row("e-" + row, "Decrypt", row))) {
          fullAt.add(row);
          load(consumer, builder.handOver());
          batchRows.add(consumer.getRowCount());
        }
      }

      assertThat(fullAt).containsExactly(EventBatchBuilder.FIRST_BATCH_ROWS, EventBatchBuilder.FIRST_BATCH_ROWS + capacity,
          EventBatchBuilder.FIRST_BATCH_ROWS + 2 * capacity);
      assertThat(batchRows).containsExactly(EventBatchBuilder.FIRST_BATCH_ROWS, capacity, capacity);
      assertThat(values(consumer, EventColumn.EVENT_ID).get(capacity - 1))
          .isEqualTo("e-" + (EventBatchBuilder.FIRST_BATCH_ROWS + 2 * capacity));
    }
  }

  private static EventRow row(String eventId, String eventName, long time) {
    EventRow row = new EventRow();
    row.set(EventColumn.EVENT_ID, eventId);
    row.set(EventColumn.EVENT_NAME, eventName);
    row.set(EventColumn.EVENT_TIME, time);
    return row;
  }

  /** Takes the batch as the writer's queue does: the consumer's root holds references of its own. */
  private static void load(VectorSchemaRoot consumer, ArrowRecordBatch batch) {
    try (batch) {
      new VectorLoader(consumer).load(batch);
    }
  }

  private static List<Object> values(VectorSchemaRoot root, EventColumn column) {
    List<Object> values = new ArrayList<>();
    FieldVector vector = root.getVector(column.ordinal());
    for (int i = 0; i < root.getRowCount(); i++) {
      if (vector.isNull(i)) {
        values.add(null);
      } else if (vector instanceof TimeStampMicroVector times) {
        values.add(times.get(i));
      } else {
        Object value = vector.getObject(i);
        values.add(value instanceof Text text ? text.toString() : value);
      }
    }
    return values;
  }
}
