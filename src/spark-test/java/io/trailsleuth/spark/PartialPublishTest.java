package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.RunCommit;
import io.trailsleuth.store.RunState;
import io.trailsleuth.store.StoreRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark ingest on a filesystem whose rename is not atomic (it copies file by file, as S3A does:
 * {@link CopyingRenameFileSystem}): a job that fails half-way through publishing its run leaves no visible run, and the next job publishes a complete one
 * under a new id.
 */
final class PartialPublishTest {
  private static final Path SAMPLE_LOGS = Path.of("sample-logs/AWSLogs");
  /** The events view's rows, by key and provenance, as one value. */
  private static final String EVENTS_DIGEST = "select md5(string_agg(concat_ws('|', event_id, source_file, "
      + "source_record, event_time, event_name), ',' order by event_id, source_file, source_record)) from events";

  @TempDir
  Path temp;

  @BeforeEach
  void registerTheCopyingFileSystem() {
    Configuration configuration = LocalSpark.session().sparkContext().hadoopConfiguration();
    configuration.set("fs." + CopyingRenameFileSystem.SCHEME + ".impl", CopyingRenameFileSystem.class.getName());
    configuration.setBoolean("fs." + CopyingRenameFileSystem.SCHEME + ".impl.disable.cache", true);
  }

  @AfterEach
  void failNoMoreRenames() {
    LocalSpark.session().sparkContext().hadoopConfiguration().unset(CopyingRenameFileSystem.FAIL_AFTER_FILES);
  }

  @Test
  void jobFailingMidPublishLeavesNoVisibleRunAndTheNextJobPublishesAWholeOne() throws Exception {
    Path store = temp.resolve("store");
    Path ingested = temp.resolve("ingested");
    TestStores.ingest(ingested, SAMPLE_LOGS);
    LocalSpark.session().sparkContext().hadoopConfiguration().setInt(CopyingRenameFileSystem.FAIL_AFTER_FILES, 3);

    assertThatThrownBy(() -> ingest(store)).isInstanceOf(IOException.class).hasMessageContaining("after 3 files");

    Path halfPublished = store.resolve("runs/run-000001");
    assertThat(RunCommit.filesIn(halfPublished)).hasSize(3);
    assertThat(halfPublished.resolve(RunCommit.FILE_NAME)).doesNotExist();
    StoreRuns afterFailure = CaseStore.openExisting(store).scan();
    assertThat(afterFailure.committed()).isEmpty();
    assertThat(afterFailure.ignored()).extracting(RunState.Ignored::location)
        .containsExactly(halfPublished.toAbsolutePath().toString());
    assertThat(TestStores.count(store, "select count(*) from events")).isZero();
    assertThat(TestStores.count(store, "select count(*) from sources")).isZero();
    HadoopStore opened = HadoopStore.createOrOpen(location(store),
        LocalSpark.session().sparkContext().hadoopConfiguration());
    assertThat(opened.scan().ignored())
        .singleElement().extracting(RunState.Ignored::warning).asString()
        .contains("runs/run-000001: it has no commit.json").endsWith("delete it and run the ingest again.");

    failNoMoreRenames();
    IngestSummary second = ingest(store);

    assertThat(second.runId()).isEqualTo("run-000002");
    assertThat(store.resolve("runs/run-000002/" + RunCommit.FILE_NAME)).exists();
    assertThat(Files.exists(store.resolve(".staging-run-000002"))).isFalse();
    StoreRuns afterSuccess = CaseStore.openExisting(store).scan();
    assertThat(afterSuccess.committed()).extracting(RunState::location)
        .containsExactly(store.resolve("runs/run-000002").toAbsolutePath().toString());
    assertThat(afterSuccess.ignored()).hasSize(1);
    assertThat(TestStores.count(store, "select count(*) from events"))
        .isPositive().isEqualTo(TestStores.count(ingested, "select count(*) from events"));
    assertThat(TestStores.value(store, EVENTS_DIGEST)).isEqualTo(TestStores.value(ingested, EVENTS_DIGEST));
  }

  private static IngestSummary ingest(Path store) throws Exception {
    return SparkIngest.run(LocalSpark.session(), new SparkIngestOptions(List.of(SAMPLE_LOGS.toString()),
        location(store), IngestOptions.DEFAULT_MAX_DECOMPRESSED_BYTES, FileScope.EVERYTHING));
  }

  /** The store's location on the copying filesystem. */
  private static String location(Path store) {
    return CopyingRenameFileSystem.SCHEME + "://" + store.toAbsolutePath();
  }
}
