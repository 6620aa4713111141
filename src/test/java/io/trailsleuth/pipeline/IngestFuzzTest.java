package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailsleuth.fuzzing.FuzzSeeds;
import io.trailsleuth.fuzzing.FuzzedContent;
import io.trailsleuth.fuzzing.FuzzedContent.Wrapping;
import io.trailsleuth.common.FileTrees;
import io.trailsleuth.fuzzing.UntouchedFiles;
import io.trailsleuth.ingest.FileScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the whole ingest, bytes in and accounting out: the fuzzed content is written as a file
 * and, cut in half, as a second one (so records repeat and the cut is rejected), then ingested into a real store.
 * Whatever the bytes, nothing escapes, every record read is stored, a duplicate or rejected, the store agrees with
 * the summary, and the input files are unchanged.
 */
final class IngestFuzzTest {
  private static final Path WORK = workDirectory();
  /** Small, so a fuzzed decompression bomb hits the limit at once. */
  private static final long MAX_DECOMPRESSED_BYTES = 1 << 20;

  /** Two wrappings, not five: a whole ingest takes a third of a second, and the reader's fuzz test covers the rest. */
  static Stream<Arguments> seeds() {
    return FuzzSeeds.fixtureSeeds(Wrapping.PLAIN, Wrapping.GZIP_MEMBER_PER_LINE).stream().map(seed -> Arguments.of((Object) seed));
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "20s")
  void everyRecordReadIsStoredDuplicateOrRejected(byte[] data) throws Exception {
    Path run = Files.createTempDirectory(WORK, "run-");
    try {
      Path archive = run.resolve("archive");
      byte[] content = FuzzedContent.decode(data);
      Files.createDirectories(archive);
      Files.write(archive.resolve("trail.json"), content);
      Files.write(archive.resolve("half.log"), Arrays.copyOf(content, content.length / 2));
      UntouchedFiles inputs = UntouchedFiles.record(archive);
      Path store = run.resolve("store");

      IngestSummary summary = IngestPipeline.run(new IngestOptions(List.of(archive.toString()), store, 2,
          MAX_DECOMPRESSED_BYTES, "64MB", FileScope.EVERYTHING), IngestProgress.SILENT);

      Accounting.assertBalanced(store, summary);
      inputs.assertUnchanged();
      if (!summary.runId().isEmpty()) {
        assertThat(TestStores.count(store, "SELECT count(*) FROM events")).isEqualTo(summary.stored());
        assertThat(TestStores.count(store, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(summary.stored());
        assertThat(TestStores.count(store, "SELECT count(*) FROM rejects")).isEqualTo(summary.rejected());
      }
    } finally {
      FileTrees.deleteRecursively(run);
    }
  }

  /** The work directory is the JVM's, made once for every fuzzed input; nothing of it outlives the class. */
  @AfterAll
  static void deleteWorkDirectory() throws IOException {
    FileTrees.deleteRecursively(WORK);
  }

  private static Path workDirectory() {
    try {
      return Files.createTempDirectory("ingest-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
