package io.trailsleuth.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where things live in a case store. Each ingest run is one directory under {@code runs/}; from store format
 * version 2 a run is part of the store only once its {@code commit.json}, written last, is there and matches its
 * files (see {@link StoreRuns}), so readers never take a half-published run for a complete one.
 *
 * <pre>
 * STORE/trailsleuth-store.json          marker and format version ({@link StoreFormat})
 * STORE/.lock                           held while an ingest writes
 * STORE/runs/run-000001/events/part-N.parquet the events (formats 1 to 3: events/event_date=YYYY-MM-DD/part-N.parquet)
 * STORE/runs/run-000001/sources.parquet manifest of the run's input files
 * STORE/runs/run-000001/rejects.parquet records that could not be stored
 * STORE/runs/run-000001/conflicts.parquet every version of events whose copies differ
 * STORE/runs/run-000001/snapshots.parquet items of CLI outputs and AWS Config files
 * STORE/runs/run-000001/focus-events.parquet, role-sightings.parquet, event-hours.parquet, resource-uses.parquet
 * STORE/runs/run-000001/commit.json     the commit marker: the run's id and every file with its size; written last
 * STORE/runs/run-000002/                no commit.json (a job stopped while publishing it): ignored and
 *                                       reported, its id not reused
 * STORE/.staging-run-000003/            an ingest in progress (deleted if found after a crash)
 * </pre>
 *
 * @param root the store directory
 * @param version the store's format version ({@link StoreFormat}), read from its marker once, when the store is opened
 *     ({@link CaseStore#openExisting}, {@link CaseStore#createOrOpen}); the store keeps it for good
 */
public record StoreLayout(Path root, int version) {
  public static final String MARKER = "trailsleuth-store.json";
  /** The per-run manifest of input files. */
  public static final String SOURCES_FILE = "sources.parquet";
  /** The per-run file of rejected records. */
  public static final String REJECTS_FILE = "rejects.parquet";
  /** The per-run file of conflicting copies. */
  public static final String CONFLICTS_FILE = "conflicts.parquet";
  /** The file of a run that holds its snapshot items (absent in runs written before snapshots were read). */
  public static final String SNAPSHOTS_FILE = "snapshots.parquet";
  /** The marker file's text for a new store. */
  public static final String MARKER_CONTENT = StoreFormat.content(StoreFormat.CURRENT);

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

  /** The run directories as readers see them: committed and ignored. */
  public StoreRuns scan() throws IOException {
    return StoreRuns.scan(this);
  }

  /** Committed run directories, oldest first. */
  public List<Path> committedRuns() throws IOException {
    return scan().committed().stream().map(run -> Path.of(run.location())).toList();
  }

  /**
   * The id the next run gets: past every run directory, committed or not, so a new run never lands in the directory
   * of a half-published one.
   */
  public String nextRunId() throws IOException {
    int highest = 0;
    for (Path run : StoreRuns.runDirectories(this)) {
      highest = Math.max(highest, StoreRuns.runNumber(run.getFileName().toString()));
    }
    return String.format("run-%06d", highest + 1);
  }
}
