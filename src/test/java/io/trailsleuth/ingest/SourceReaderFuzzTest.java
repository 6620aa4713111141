package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailsleuth.fuzzing.FuzzSeeds;
import io.trailsleuth.fuzzing.FuzzedContent;
import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotItem;
import io.trailsleuth.store.EventBatchBuilder;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the ingest's reader, bytes in and accounting out: whatever the bytes, nothing escapes,
 * every record read is handed on or rejected with a reason, and every row handed on has the types the Arrow batch
 * needs. Each input is read under three names, since a name changes how a broken file is described.
 */
final class SourceReaderFuzzTest {
  private static final List<String> NAMES = List.of("trail.json", "trail.json.gz", "export.log");
  /** Small, so a fuzzed decompression bomb hits the limit at once. */
  private static final long MAX_DECOMPRESSED_BYTES = 1 << 20;
  private static final SourceReader READER = new SourceReader(JsonSettings.mapper(), MAX_DECOMPRESSED_BYTES);
  private static final BufferAllocator ALLOCATOR = new RootAllocator(64L << 20);

  static Stream<Arguments> seeds() {
    return FuzzSeeds.fixtureSeeds(FuzzedContent.Wrapping.values()).stream().map(seed -> Arguments.of((Object) seed));
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "20s")
  void everyRecordReadIsHandedOnOrRejected(byte[] data) {
    byte[] content = FuzzedContent.decode(data);
    for (String name : NAMES) {
      try (CheckingSink sink = new CheckingSink(name)) {
        FileReadResult result = READER.read(new ByteArrayInputStream(content), name, "0".repeat(64), sink);
        assertThat(sink.accepted).as("rows handed on from %s", name).isEqualTo(result.accepted());
        assertThat(sink.rejected).as("rejects from %s", name).isEqualTo(result.rejected());
        assertThat(sink.snapshotItems).as("snapshot items from %s", name).isEqualTo(result.snapshotItems());
        assertThat(result.recordsRead()).isEqualTo(result.accepted() + result.rejected());
        assertThat(result.decompressedBytes()).isLessThanOrEqualTo(MAX_DECOMPRESSED_BYTES + 1);
      }
    }
  }

  /** Checks every row against the column types and appends it to a real Arrow batch, as an ingest worker does. */
  private static final class CheckingSink implements EventSink, AutoCloseable {
    private final String name;
    private final EventBatchBuilder batch = new EventBatchBuilder(ALLOCATOR, 64);
    long accepted;
    long rejected;
    long snapshotItems;

    CheckingSink(String name) {
      this.name = name;
    }

    @Override
    public void accept(EventRow row) {
      accepted++;
      assertThat(row.get(EventColumn.EVENT_ID)).as("event id of a row from %s", name).isNotNull();
      assertThat(row.get(EventColumn.EVENT_TIME)).as("event time of a row from %s", name).isNotNull();
      assertThat(row.get(EventColumn.SOURCE_FILE)).isEqualTo(name);
      for (EventColumn column : EventColumn.values()) {
        Object value = row.get(column);
        if (value != null) {
          assertThat(value).as("%s of a row from %s", column, name).isInstanceOf(javaType(column.type()));
        }
      }
      if (batch.append(row)) {
        batch.handOver().close();
      }
    }

    @Override
    public void reject(Reject reject) {
      rejected++;
      assertThat(reject.sourceFile()).isEqualTo(name);
      assertThat(reject.reasonCode()).as("reason code of a reject from %s", name).isNotBlank();
      assertThat(reject.reason()).as("reason of a reject from %s", name).isNotBlank();
    }

    @Override
    public void snapshot(SnapshotItem item) {
      snapshotItems++;
    }

    private static Class<?> javaType(ColumnType type) {
      return switch (type) {
        case STRING -> String.class;
        case JSON -> byte[].class;
        case BOOLEAN -> Boolean.class;
        case BIGINT, TIMESTAMP -> Long.class;
      };
    }

    @Override
    public void close() {
      batch.close();
    }
  }
}
