package io.trailsleuth.store;

import io.trailsleuth.common.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things live in a case store. Each ingest run is one directory under {@code runs/}, published by
 * a single atomic rename, so a store only ever holds complete runs.
 *
 * <pre>
 * STORE/trailsleuth-store.json          marker and format version
 * STORE/.lock                           held while an ingest writes
 * STORE/runs/run-000001/events/event_date=YYYY-MM-DD/part-N.parquet
 * STORE/runs/run-000001/sources.parquet manifest of the run's input files
 * STORE/runs/run-000001/rejects.parquet records that could not be stored
 * STORE/runs/run-000001/conflicts.parquet every version of events whose copies differ
 * STORE/runs/run-000001/snapshots.parquet items of CLI outputs and AWS Config files
 * STORE/.staging-run-000002/            an ingest in progress (deleted if found after a crash)
 * </pre>
 */
public record StoreLayout(Path root) {
  public static final String MARKER = "trailsleuth-store.json";
  /** The per-run file of conflicting copies. */
  public static final String CONFLICTS_FILE = "conflicts.parquet";
  /** The file of a run that holds its snapshot items (absent in runs written before snapshots were read). */
  public static final String SNAPSHOTS_FILE = "snapshots.parquet";
  public static final String MARKER_CONTENT = "{\"format\": \"trailsleuth-case-store\", \"version\": 1}\n";

  public Path marker() {
    return root.resolve(MARKER);
  }

  public Path lockFile() {
    return root.resolve(".lock");
  }

  public Path runs() {
    return root.resolve("runs");
  }

  public Path staging(String runId) {
    return root.resolve(".staging-" + runId);
  }

  /** Glob over every committed run's event files. */
  public String eventsGlob() {
    return runs().toAbsolutePath() + "/*/events/*/*.parquet";
  }

  public String sourcesGlob() {
    return runs().toAbsolutePath() + "/*/sources.parquet";
  }

  public String rejectsGlob() {
    return runs().toAbsolutePath() + "/*/rejects.parquet";
  }

  public String conflictsGlob() {
    return runs().toAbsolutePath() + "/*/" + CONFLICTS_FILE;
  }

  /** True when a committed run has a conflicts file (runs written before conflicts were recorded have none). */
  public boolean hasConflictFiles() throws IOException {
    return hasRunFile(CONFLICTS_FILE);
  }

  public String snapshotsGlob() {
    return runs().toAbsolutePath() + "/*/" + SNAPSHOTS_FILE;
  }

  /** True when at least one committed run has a snapshots file. */
  public boolean hasSnapshotFiles() throws IOException {
    return hasRunFile(SNAPSHOTS_FILE);
  }

  private boolean hasRunFile(String name) throws IOException {
    for (Path run : committedRuns()) {
      if (Files.isRegularFile(run.resolve(name))) {
        return true;
      }
    }
    return false;
  }

  /** Committed run directories, oldest first. */
  public List<Path> committedRuns() throws IOException {
    if (!Files.isDirectory(runs())) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(runs())) {
      return list.filter(p -> p.getFileName().toString().startsWith("run-")).sorted().toList();
    }
  }

  /** True when at least one committed run has event files. */
  public boolean hasEvents() throws IOException {
    for (Path run : committedRuns()) {
      if (FileTrees.containsParquet(run.resolve("events"))) {
        return true;
      }
    }
    return false;
  }


  /** The id the next run gets. */
  public String nextRunId() throws IOException {
    int highest = 0;
    for (Path run : committedRuns()) {
      highest = Math.max(highest, Integer.parseInt(run.getFileName().toString().substring(4)));
    }
    return String.format("run-%06d", highest + 1);
  }
}
