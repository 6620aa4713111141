package io.trailsleuth.spark;

import io.trailsleuth.store.DerivedTable;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A case store on any Hadoop filesystem, with {@link StoreLayout}'s names: the marker, {@code runs/run-NNNNNN/}, and a
 * run staged in {@code .staging-run-NNNNNN/} beside them and published by one rename. Readers glob
 * {@code runs/*}{@code /…}, so a staged run is never read, and a killed job leaves the store as it was.
 */
public final class HadoopStore {
  private final FileSystem fileSystem;
  private final Path root;

  private HadoopStore(FileSystem fileSystem, Path root) {
    this.fileSystem = fileSystem;
    this.root = root;
  }

  /** Creates the store, or checks that an existing directory is one. */
  public static HadoopStore createOrOpen(String location, Configuration configuration) throws IOException {
    Path path = new Path(location);
    FileSystem fileSystem = path.getFileSystem(configuration);
    // no .crc beside every file of a local store (the instance is shared with local-mode tasks); ingest writes none
    fileSystem.setWriteChecksum(false);
    Path root = fileSystem.makeQualified(path);
    HadoopStore store = new HadoopStore(fileSystem, root);
    Path marker = new Path(root, StoreLayout.MARKER);
    if (fileSystem.exists(root) && !fileSystem.exists(marker) && fileSystem.listStatus(root).length > 0) {
      throw new IOException(location + " exists, is not empty and is not a trailsleuth store; "
          + "name a new or empty directory with --store");
    }
    fileSystem.mkdirs(root);
    if (!fileSystem.exists(marker)) {
      try (OutputStream out = fileSystem.create(marker, false)) {
        out.write(StoreLayout.MARKER_CONTENT.getBytes(StandardCharsets.UTF_8));
      }
    }
    return store;
  }

  public Path root() {
    return root;
  }

  public FileSystem fileSystem() {
    return fileSystem;
  }

  /** True for a store on the local filesystem, where {@code ingest}'s lock file also works. */
  public boolean isLocal() {
    return "file".equals(root.toUri().getScheme());
  }

  /** Committed run directories, oldest first. */
  public List<Path> committedRuns() throws IOException {
    Path runs = runs();
    if (!fileSystem.exists(runs)) {
      return List.of();
    }
    return Arrays.stream(fileSystem.listStatus(runs))
        .filter(FileStatus::isDirectory)
        .map(FileStatus::getPath)
        .filter(p -> p.getName().matches("run-\\d{6}"))
        .sorted()
        .toList();
  }

  /** The event directories of the committed runs that have events. */
  public List<String> committedEventDirectories() throws IOException {
    List<String> directories = new ArrayList<>();
    for (Path run : committedRuns()) {
      if (fileSystem.exists(new Path(run, "events"))) {
        directories.add(new Path(run, "events").toString());
      }
    }
    return directories;
  }

  /** The manifests of the committed runs. */
  public List<String> committedSources() throws IOException {
    List<String> files = new ArrayList<>();
    for (Path run : committedRuns()) {
      files.add(new Path(run, "sources.parquet").toString());
    }
    return files;
  }

  /** The id the next run gets. */
  public String nextRunId() throws IOException {
    int highest = 0;
    for (Path run : committedRuns()) {
      highest = Math.max(highest, Integer.parseInt(run.getName().substring(4)));
    }
    return String.format("run-%06d", highest + 1);
  }

  public Path runs() {
    return new Path(root, "runs");
  }

  /** The staging directory of a run: scratch tables and the run directory before its rename. */
  public Path staging(String runId) {
    return new Path(root, ".staging-" + runId);
  }

  /** The run directory inside its staging directory. */
  public Path stagedRun(String runId) {
    return new Path(staging(runId), runId);
  }

  /** A derived table's file in the staged run. */
  public Path stagedDerived(String runId, DerivedTable table) {
    return new Path(stagedRun(runId), table.fileName());
  }

  /** Publishes a staged run with one rename, then removes its staging directory. */
  public void commit(String runId) throws IOException {
    fileSystem.mkdirs(runs());
    Path target = new Path(runs(), runId);
    if (!fileSystem.rename(stagedRun(runId), target)) {
      throw new IOException("could not publish " + stagedRun(runId) + " as " + target);
    }
    discard(runId);
  }

  /** Deletes a run's staging directory. */
  public void discard(String runId) throws IOException {
    fileSystem.delete(staging(runId), true);
  }

  /** Deletes staging directories a killed job left behind; only under the store lock. */
  public void removeAbandonedStaging() throws IOException {
    for (FileStatus status : fileSystem.listStatus(root)) {
      if (status.getPath().getName().startsWith(".staging-")) {
        fileSystem.delete(status.getPath(), true);
      }
    }
  }
}
