package io.trailsleuth.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The run directories of a store as readers see them: the committed runs, whose files every view reads, and the ones
 * left out (half-published, damaged), which commands report once.
 */
public record StoreRuns(List<RunState.Committed> committed, List<RunState.Ignored> ignored) {
  private static final String RUN_NAME = "run-\\d{6}";

  public StoreRuns {
    committed = List.copyOf(committed);
    ignored = List.copyOf(ignored);
  }

  /** True for a run directory's name, {@code run-NNNNNN}. */
  public static boolean isRunName(String name) {
    return name.matches(RUN_NAME);
  }

  /** The number in a run directory's name. */
  public static int runNumber(String name) {
    return Integer.parseInt(name.substring(4));
  }

  /** Reads the run directories of a local store, oldest first. */
  public static StoreRuns scan(StoreLayout layout) throws IOException {
    List<RunState.Committed> committed = new ArrayList<>();
    List<RunState.Ignored> ignored = new ArrayList<>();
    if (!Files.isDirectory(layout.runs())) {
      return new StoreRuns(committed, ignored);
    }
    int version = layout.version();
    for (Path directory : runDirectories(layout)) {
      Path marker = directory.resolve(RunCommit.FILE_NAME);
      String markerText = Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : null;
      RunState state = RunCommit.check(directory.toAbsolutePath().toString(), directory.getFileName().toString(),
          version, markerText, RunCommit.filesIn(directory));
      if (state instanceof RunState.Committed run) {
        committed.add(run);
      } else if (state instanceof RunState.Ignored skipped) {
        ignored.add(skipped);
      }
    }
    return new StoreRuns(committed, ignored);
  }

  /** Every {@code run-NNNNNN} directory, committed or not, oldest first. */
  public static List<Path> runDirectories(StoreLayout layout) throws IOException {
    if (!Files.isDirectory(layout.runs())) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(layout.runs())) {
      return list.filter(p -> isRunName(p.getFileName().toString()) && Files.isDirectory(p)).sorted().toList();
    }
  }

  /** The committed runs' event files. */
  public List<String> eventFiles() {
    return files(RunCommit::isEventFile);
  }

  /** The file of that name (relative to the run) of every committed run that has one. */
  public List<String> runFiles(String name) {
    return files(name::equals);
  }

  private List<String> files(Predicate<String> wanted) {
    List<String> files = new ArrayList<>();
    for (RunState.Committed run : committed) {
      run.files().stream().filter(wanted).map(run::file).forEach(files::add);
    }
    return files;
  }

  /**
   * Files as one SQL text value, a JSON list, which the {@code store_view_*} queries turn into the list
   * {@code read_parquet} reads ({@code CAST(... AS JSON)::VARCHAR[]}), so a path is never SQL text.
   */
  public static String sqlList(List<String> files) {
    requireNonNull(files, "files is null");
    try {
      return new ObjectMapper().writeValueAsString(files);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }
}
