package io.trailsleuth.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run's commit marker, {@code commit.json}, written as the last file of a run: the run's id and every file of the
 * run with its size, so that a reader can tell a complete run from a half-published one (and reads only its files).
 */
public record RunCommit(String runId, Map<String, Long> files) {
  /** The marker's name inside the run directory. */
  public static final String FILE_NAME = "commit.json";
  private static final String FORMAT = "trailsleuth-run-commit";

  /** {@code files} is copied in path order: the marker's order. */
  public RunCommit {
    requireNonNull(runId, "runId is null");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** The marker of a finished run directory on the local filesystem: every file in it but the marker. */
  public static RunCommit of(String runId, Path runDirectory) throws IOException {
    return new RunCommit(runId, filesIn(runDirectory));
  }

  /** The files under a local directory (paths relative to it, with '/'), and their sizes; the marker left out. */
  public static SortedMap<String, Long> filesIn(Path directory) throws IOException {
    SortedMap<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (!relative.equals(FILE_NAME)) {
          files.put(relative, Files.size(file));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return files;
  }

  /** The marker's text: one file per line, sorted, so the same run gives the same bytes. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode().put("format", FORMAT).put("runId", runId);
    ArrayNode list = root.putArray("files");
    files.forEach((path, bytes) -> list.addObject().put("path", path).put("bytes", bytes));
    StringBuilder text = new StringBuilder("{\"format\": ").append(root.get("format")).append(", \"runId\": ")
        .append(root.get("runId")).append(", \"files\": [");
    for (int i = 0; i < list.size(); i++) {
      text.append(i == 0 ? "\n  " : ",\n  ").append(list.get(i));
    }
    return text.append("\n]}\n").toString();
  }

  /** Reads a marker's text; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static RunCommit parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("runId").isTextual()
        || !root.path("files").isArray()) {
      throw new IllegalArgumentException("not a run commit marker (format, runId and files expected)");
    }
    SortedMap<String, Long> files = new TreeMap<>();
    for (JsonNode file : root.path("files")) {
      if (!file.path("path").isTextual() || !file.path("bytes").canConvertToLong()) {
        throw new IllegalArgumentException("a file entry without path or bytes: " + file);
      }
      files.put(file.path("path").asText(), file.path("bytes").asLong());
    }
    return new RunCommit(root.path("runId").asText(), files);
  }

  /**
   * True for a file of the run's events table: {@code events/<name>.parquet} (store format 4) or
   * {@code events/<partition>/<name>.parquet} (formats 1 to 3), and not a hidden or {@code _}-prefixed file or
   * directory (a writer's leftovers).
   */
  public static boolean isEventFile(String relative) {
    String[] parts = relative.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || !parts[0].equals("events") || !parts[parts.length - 1].endsWith(".parquet")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty() || parts[i].startsWith("_") || parts[i].startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a reader makes of a run directory named {@code runName} at {@code location}, holding {@code present} files
   * (relative path and size, the marker left out) and the marker's text ({@code null} when there is none). A run of a
   * version-2 store is read only when its marker is there, names it, and every file it lists is there with the listed
   * size, except event files, which may be absent: a copy of only the small tables is how a store on S3 is analysed
   * locally (the analysis does not read the events). Only the listed files are read.
   */
  public static RunState check(String location, String runName, int storeVersion, String markerText,
      Map<String, Long> present) {
    if (storeVersion == StoreFormat.WITHOUT_COMMIT_MARKERS) {
      return new RunState.Committed(location, new ArrayList<>(new TreeMap<>(present).keySet()));
    }
    if (markerText == null) {
      return new RunState.Ignored(location, "it has no " + FILE_NAME
          + ", so the job that wrote it failed or was stopped before it finished publishing the run");
    }
    RunCommit commit;
    try {
      commit = parse(markerText);
    } catch (IllegalArgumentException e) {
      return new RunState.Ignored(location, "its " + FILE_NAME + " is damaged (" + e.getMessage() + ")");
    }
    if (!commit.runId().equals(runName)) {
      return new RunState.Ignored(location, "its " + FILE_NAME + " is the marker of " + commit.runId());
    }
    // a copy of the small tables only, for a local analyze, leaves all the events out on purpose; a copy missing some
    // of them is incomplete, and reading it would give too few events and let a later ingest store duplicates
    boolean eventsLeftOut = commit.files().keySet().stream().filter(RunCommit::isEventFile)
        .noneMatch(present::containsKey);
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, Long> file : commit.files().entrySet()) {
      Long size = present.get(file.getKey());
      if (size == null && eventsLeftOut && isEventFile(file.getKey())) {
        continue;
      }
      if (size == null) {
        return new RunState.Ignored(location, file.getKey() + ", listed in its " + FILE_NAME + ", is missing");
      }
      if (size.longValue() != file.getValue()) {
        return new RunState.Ignored(location, file.getKey() + " has " + size + " bytes where its " + FILE_NAME
            + " says " + file.getValue());
      }
      files.add(file.getKey());
    }
    return new RunState.Committed(location, files);
  }
}
