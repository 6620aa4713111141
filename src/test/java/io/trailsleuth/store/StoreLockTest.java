package io.trailsleuth.store;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store lock refuses a concurrent ingest, and a refused ingest leaves the store as it was. */
final class StoreLockTest {
  @TempDir
  Path temp;

  @Test
  void refusesAnIngestWhileAnotherHoldsTheLockAndLeavesTheStoreUnchanged() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, fixture("single-record/record.json"));
    StoreLayout layout = new StoreLayout(store, StoreFormat.CURRENT);

    try (StoreLock held = StoreLock.acquire(layout)) {
      assertThatThrownBy(() -> TestStores.ingest(store, fixture("bare-array/records.json")))
          .isInstanceOf(StoreBusyException.class)
          .hasMessageContaining("is locked by another trailsleuth ingest")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }

    assertThat(layout.committedRuns()).hasSize(1);
    try (var list = Files.list(store)) {
      assertThat(list.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".staging-"));
    }
    assertThat(TestStores.ingest(store, fixture("bare-array/records.json")).runId()).isEqualTo("run-000002");
  }

  @Test
  void refusesToTurnANonEmptyForeignDirectoryIntoAStore() throws Exception {
    Path foreign = Files.createDirectories(temp.resolve("home"));
    Files.writeString(foreign.resolve("thesis.tex"), "\\documentclass{article}");

    assertThatThrownBy(() -> TestStores.ingest(foreign, fixture("single-record/record.json")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is not a trailsleuth store");
    assertThat(Files.list(foreign).count()).isEqualTo(1);
  }
}
