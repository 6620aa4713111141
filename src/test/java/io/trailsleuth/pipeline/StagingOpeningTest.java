package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.ingest.SharedWalk;
import io.trailsleuth.ingest.WalkAhead;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.RunWriter;
import io.trailsleuth.store.StoreException;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging database opened beside the walk fails a run as opening it first did, and never outlives the run; a run
 * takes only the walk of its own inputs.
 */
final class StagingOpeningTest {
  @TempDir
  Path temp;

  @Test
  void aStagingDatabaseThatCannotOpenFailsTheIngestWithItsMessageAndCommitsNothing() throws Exception {
    Path store = temp.resolve("store");
    IngestOptions options = new IngestOptions(List.of(TestStores.fixture("trail-records").toString()), store, 2,
        IngestOptions.DEFAULT_MAX_DECOMPRESSED_BYTES, "a lot", FileScope.EVERYTHING);

    assertThatThrownBy(() -> IngestPipeline.run(options, IngestProgress.SILENT))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the staging database in " + store.resolve(".staging-run-000001") + ": ");
    assertThat(CaseStore.createOrOpen(store).committedRuns()).isEmpty();
  }

  @Test
  void aWalkOfOtherInputsThanTheOptionsNameIsRefusedBeforeAnythingIsStaged() throws Exception {
    Path store = temp.resolve("store");
    IngestOptions options = IngestOptions.of(List.of(TestStores.fixture("trail-records").toString()), store);
    StoreLayout layout = CaseStore.createOrOpen(store);

    assertThatThrownBy(() -> IngestPipeline.run(layout, options, IngestProgress.SILENT, Set::of,
        DecodedContentHashes.none(), new SharedWalk(), WalkAhead.onRequest(List.of(temp.toString()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not of the inputs the options name");
    assertThat(layout.committedRuns()).isEmpty();
    assertThat(layout.staging("run-000001")).doesNotExist();
  }

  @Test
  void theWriterIsTheOneBeginOpened() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    try (BufferAllocator allocator = new RootAllocator();
        RunWriter writer = StagingOpening.start(() -> RunWriter.begin(layout, "run-000001", allocator, "256MB"))
            .writer()) {
      assertThat(writer.runId()).isEqualTo("run-000001");
      assertThat(layout.staging("run-000001").resolve("tmp")).isDirectory();
    }
  }

  @Test
  void theWriterRethrowsWhatBeginThrewItself() {
    IOException thrown = new IOException("disk full");

    assertThatThrownBy(() -> StagingOpening.start(() -> {
      throw thrown;
    }).writer()).isSameAs(thrown);
  }

  @Test
  void anAbandonedOpeningIsClosedAndItsStagingDeleted() throws Exception {
    StoreLayout layout = CaseStore.createOrOpen(temp.resolve("store"));
    IOException walkFailure = new IOException("the walk failed");
    try (BufferAllocator allocator = new RootAllocator()) {
      StagingOpening.start(() -> RunWriter.begin(layout, "run-000001", allocator, "256MB")).abandon(walkFailure);

      assertThat(layout.staging("run-000001")).doesNotExist();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    assertThat(walkFailure.getSuppressed()).isEmpty();
  }

  @Test
  void anAbandonedOpeningThatFailedAddsItsFailureToTheRunsFailure() {
    IOException walkFailure = new IOException("the walk failed");
    StoreException openFailure = new StoreException("cannot open the staging database", null);

    StagingOpening.start(() -> {
      throw openFailure;
    }).abandon(walkFailure);

    assertThat(walkFailure.getSuppressed()).containsExactly(openFailure);
  }
}
