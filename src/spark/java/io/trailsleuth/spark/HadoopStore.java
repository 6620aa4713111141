package io.trailsleuth.spark;

import io.trailsleuth.store.DerivedTable;
import io.trailsleuth.store.RunCommit;
import io.trailsleuth.store.RunState;
import io.trailsleuth.store.StoreFormat;
import io.trailsleuth.store.StoreLayout;
import io.trailsleuth.store.StoreRuns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A case store on any Hadoop filesystem, with {@link StoreLayout}'s names: the marker, {@code runs/run-NNNNNN/}, and a
 * run staged in {@code .staging-run-NNNNNN/} beside them.
 *
 * <p>Publishing is sound on object stores, where a directory rename is not atomic (S3A copies the run file by file
 * and then deletes the sources): {@link #commit} lists the staged run's files and sizes, renames the run into
 * {@code runs/}, and only then moves its {@code commit.json} ({@link RunCommit}) into place, by a rename of that one
 * file, as the very last step. One file appears whole or not at all (on S3 a copied object becomes visible at once; on
 * HDFS and local disks a file rename is atomic), so a run directory holds its marker only once every file the marker
 * lists has been published. Readers ({@link StoreRuns}, and {@link #scan} here) take a run only when its marker is
 * there, names it and matches its files, and read exactly the files it lists; a job that fails or is killed anywhere
 * before leaves at most an unmarked {@code runs/run-NNNNNN/} and its staging directory, which readers ignore (and
 * report) and whose id the next run does not reuse. Writing the marker into the staged run before the rename would
 * not do: S3A may copy the marker before the files it lists.
 */
public final class HadoopStore {
  private final FileSystem fileSystem;
  private final Path root;
  private final int version;

  private HadoopStore(FileSystem fileSystem, Path root, int version) {
    this.fileSystem = fileSystem;
    this.root = root;
    this.version = version;
  }

  /**
   * Creates the store, or checks that an existing directory is one of a version this program reads; reads its marker
   * once.
   */
  public static HadoopStore createOrOpen(String location, Configuration configuration) throws IOException {
    Path path = new Path(location);
    FileSystem fileSystem = path.getFileSystem(configuration);
    // no .crc beside every file of a local store (the instance is shared with local-mode tasks); ingest writes none
    fileSystem.setWriteChecksum(false);
    Path root = fileSystem.makeQualified(path);
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
      return new HadoopStore(fileSystem, root, StoreFormat.CURRENT);
    }
    return new HadoopStore(fileSystem, root, StoreFormat.version(read(fileSystem, marker), marker.toString()));
  }

  public Path root() {
    return root;
  }

  /** The store's format version, which decides the shape of the tables a run writes. */
  public int version() {
    return version;
  }

  public FileSystem fileSystem() {
    return fileSystem;
  }

  /** True for a store on the local filesystem, where {@code ingest}'s lock file also works. */
  public boolean isLocal() {
    return "file".equals(root.toUri().getScheme());
  }

  /** Every {@code run-NNNNNN} directory, committed or not, oldest first. */
  private List<Path> runDirectories() throws IOException {
    Path runs = runs();
    if (!fileSystem.exists(runs)) {
      return List.of();
    }
    return Arrays.stream(fileSystem.listStatus(runs))
        .filter(FileStatus::isDirectory)
        .map(FileStatus::getPath)
        .filter(p -> StoreRuns.isRunName(p.getName()))
        .sorted()
        .toList();
  }

  /** The run directories as readers see them: one listing of each run, and its marker when it has one. */
  public StoreRuns scan() throws IOException {
    List<RunState.Committed> committed = new ArrayList<>();
    List<RunState.Ignored> ignored = new ArrayList<>();
    for (Path run : runDirectories()) {
      Map<String, Long> present = filesIn(run);
      Path marker = new Path(run, RunCommit.FILE_NAME);
      String markerText = fileSystem.exists(marker) ? read(fileSystem, marker) : null;
      RunState state = RunCommit.check(run.toString(), run.getName(), version, markerText, present);
      if (state instanceof RunState.Committed complete) {
        committed.add(complete);
      } else if (state instanceof RunState.Ignored skipped) {
        ignored.add(skipped);
      }
    }
    return new StoreRuns(committed, ignored);
  }

  /** The files under a directory (relative paths) and their sizes, the marker left out; one recursive listing. */
  private SortedMap<String, Long> filesIn(Path directory) throws IOException {
    SortedMap<String, Long> files = new TreeMap<>();
    String prefix = directory.toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> listing = fileSystem.listFiles(directory, true);
    while (listing.hasNext()) {
      LocatedFileStatus file = listing.next();
      String relative = file.getPath().toUri().getPath().substring(prefix.length());
      if (!relative.equals(RunCommit.FILE_NAME)) {
        files.put(relative, file.getLen());
      }
    }
    return files;
  }

  private static String read(FileSystem fileSystem, Path file) throws IOException {
    try (InputStream in = fileSystem.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The id the next run gets: past every run directory, committed or not. */
  public String nextRunId() throws IOException {
    int highest = 0;
    for (Path run : runDirectories()) {
      highest = Math.max(highest, StoreRuns.runNumber(run.getName()));
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

  /**
   * Publishes a staged run: renames it into {@code runs/}, then moves its commit marker into it as the last step (see
   * the class comment for why in this order), then removes the staging directory.
   */
  public void commit(String runId) throws IOException {
    RunCommit commit = new RunCommit(runId, filesIn(stagedRun(runId)));
    Path stagedMarker = new Path(staging(runId), RunCommit.FILE_NAME);
    try (OutputStream out = fileSystem.create(stagedMarker, true)) {
      out.write(commit.toJson().getBytes(StandardCharsets.UTF_8));
    }
    fileSystem.mkdirs(runs());
    Path target = new Path(runs(), runId);
    if (!fileSystem.rename(stagedRun(runId), target)) {
      throw new IOException("could not publish " + stagedRun(runId) + " as " + target);
    }
    if (!fileSystem.rename(stagedMarker, new Path(target, RunCommit.FILE_NAME))) {
      throw new IOException("could not commit " + target + ": moving its " + RunCommit.FILE_NAME + " failed");
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
