package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As with {@code ingest}, a file the Spark ingest rejected for the decompression limit is not taken as read: a later
 * run with a higher limit reads it, and the run after that finds nothing new.
 */
final class DecompressionLimitSparkTest {
  @Test
  void readsAFileRejectedForTheDecompressionLimitAgainWhenALaterRunRaisesIt(@TempDir Path temp) throws Exception {
    Path file = TestStores.fixture("trail-records/compact.json");
    Path store = temp.resolve("store");

    IngestSummary limited = ingest(store, 100, file);
    IngestSummary raised = LocalSpark.ingest(store, file);
    IngestSummary again = LocalSpark.ingest(store, file);

    assertThat(limited.rejectReasons()).containsEntry("decompression-limit", 1L);
    assertThat(limited.stored()).isZero();
    assertThat(raised.runId()).isEqualTo("run-000002");
    assertThat(raised.stored()).isEqualTo(2);
    assertThat(raised.unchangedFiles()).isZero();
    assertThat(again.stored()).isZero();
    assertThat(again.unchangedFiles()).isEqualTo(1);
  }

  private static IngestSummary ingest(Path store, long maxDecompressedBytes, Path input) throws Exception {
    return SparkIngest.run(LocalSpark.session(), new SparkIngestOptions(List.of(input.toString()), store.toString(),
        maxDecompressedBytes, FileScope.EVERYTHING));
  }
}
