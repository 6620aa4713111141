package io.trailsleuth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks, before any work, every place a command is to write: it can be written, and it is neither an input file nor
 * inside an input directory, where it would overwrite evidence or be read as input (symbolic links resolved, and the
 * places links inside an input directory lead to counted as inputs, as the walk follows them: {@link InputReach}).
 */
final class OutputPaths {
  private final List<InputReach.Place> inputs;

  private OutputPaths(List<InputReach.Place> inputs) {
    this.inputs = inputs;
  }

  /**
   * The checks against these inputs and every place their walk reaches through symbolic links, also those that do not
   * exist yet ({@link InputReach}).
   */
  static OutputPaths outside(List<String> inputs) {
    return new OutputPaths(InputReach.of(inputs));
  }

  /** Checks the report, JSON and HTML files and the evidence directory of {@code analyze} and {@code investigate}. */
  void requireUsable(AnalysisOutputs outputs) {
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("--out", outputs.markdown);
    files.put("--html", outputs.html);
    files.put("--json", outputs.json == null || outputs.json.equals("-") ? null : path("--json", outputs.json));
    files.values().removeIf(Objects::isNull);
    files.forEach(this::requireFile);
    requireDirectory("--evidence", outputs.evidence);
    // one file per output, and none in the pack directory, which must be new or empty when the pack is written
    Map<Path, String> seen = new HashMap<>();
    Path pack = outputs.evidence == null ? null : realPath("--evidence", outputs.evidence);
    files.forEach((option, file) -> {
      Path real = realPath(option, file);
      String other = seen.putIfAbsent(real, option);
      if (other != null) {
        throw refused(option, file, "it is also the " + other + " file; give each output its own file");
      }
      if (pack != null && real.startsWith(pack)) {
        throw refused(option, file, "it lies inside the --evidence directory, which holds the pack alone; the pack"
            + " has its own copy of each report");
      }
    });
  }

  /**
   * Refuses a file output ({@code null}: not given) that cannot be written, is {@code -}, is a directory, or is or
   * lies under an input.
   */
  void requireFile(String option, Path file) {
    if (file == null) {
      return;
    }
    if (file.toString().equals("-")) {
      throw refused(option, file, "standard output (-) is not supported here; give a file name");
    }
    if (Files.isDirectory(file)) {
      throw refused(option, file, "it is a directory; give a file name");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw refused(option, file, "the directory " + parent + " does not exist; create it first");
    }
    if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
      throw refused(option, file, "permission denied; choose a place you can write to");
    }
    requireOutsideInputs(option, file);
  }

  /**
   * Refuses a directory output ({@code null}: not given) that is a file, cannot be created or written, or is or lies
   * under an input.
   */
  void requireDirectory(String option, Path directory) {
    if (directory == null) {
      return;
    }
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw refused(option, directory, "it is a file, not a directory; name a directory");
    }
    Path existing = InputReach.nearestExisting(directory.toAbsolutePath());
    if (!Files.isDirectory(existing)) {
      throw refused(option, directory, existing + " is a file, so the directory cannot be created there");
    }
    if (!Files.isWritable(existing)) {
      throw refused(option, directory, "permission denied on " + existing + "; choose a place you can write to");
    }
    requireOutsideInputs(option, directory);
  }

  /**
   * Refuses to run when the temporary directory ({@code java.io.tmpdir}, which the launcher takes from {@code TMPDIR})
   * lies inside an input, before anything is made there: DuckDB's spill directory for the analysis goes there, and
   * without {@code --store} the temporary store too (the walk would read it), and abandoned ones are swept from it. A
   * named store is checked by {@link #requireDirectory}.
   */
  void requireTemporaryFilesOutside(boolean temporaryStore) {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    if (temporaryStore) {
      requireOutsideInputs("its temporary store (name one outside the inputs with --store DIR)",
          temporary.resolve("trailsleuth-store"));
    } else {
      requireOutsideInputs("its temporary files (DuckDB's spill directory; set TMPDIR outside the inputs)",
          temporary.resolve("trailsleuth-duckdb"));
    }
  }

  private void requireOutsideInputs(String option, Path output) {
    Path real = realPath(option, output);
    for (InputReach.Place input : inputs) {
      if (!input.covers(real)) {
        continue;
      }
      String through = input.link() == null ? "" : " (reached through the symbolic link " + input.link()
          + " in the input " + input.input() + ", a link trailsleuth follows when reading)";
      if (!Files.exists(input.real())) {
        String where = input.link() == null ? " the input " + input.real() + ", which does not exist yet"
            : " " + input.real() + ", where the symbolic link " + input.link() + " in the input " + input.input()
                + " leads (trailsleuth follows it when reading), which does not exist yet";
        throw refused(option, output, (real.equals(input.real()) ? "it is" : "it lies inside") + where
            + ": trailsleuth reads whatever is there when it walks its inputs; write it outside the inputs");
      }
      if (real.equals(input.real()) || Files.isRegularFile(real)) {
        throw refused(option, output, "it is an input" + (Files.isDirectory(real) ? " directory" : " file") + through
            + "; trailsleuth never writes over its inputs");
      }
      throw refused(option, output, "it lies inside the input directory " + input.real() + through
          + ", which trailsleuth only reads (and would read it as input next time); write it outside the inputs");
    }
  }

  /** The real path the output will have: its nearest existing ancestor's, links resolved, and the rest as named. */
  private static Path realPath(String option, Path output) {
    Path absolute = output.toAbsolutePath();
    if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
      throw refused(option, output, "it is a symbolic link to a missing file; name the file itself");
    }
    Path existing = InputReach.nearestExisting(absolute);
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      throw refused(option, output, "cannot resolve " + existing + ": " + e.getMessage());
    }
  }

  private static Path path(String option, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UserException(ExitCode.USAGE, option + " " + value + ": not a valid path: " + e.getMessage());
    }
  }

  private static UserException refused(String option, Path output, String why) {
    return new UserException(ExitCode.USAGE, "cannot write " + option + " " + output + ": " + why);
  }
}
