package io.trailsleuth.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a reader makes of one run directory: a committed run and the files to read, or an ignored one and why. */
public sealed interface RunState {
  /** The run directory: an absolute path or a Hadoop URI. */
  String location();

  /** A committed run; {@code files} are relative to it, sorted, and exactly the files its marker lists. */
  record Committed(String location, List<String> files) implements RunState {
    public Committed {
      requireNonNull(location, "location is null");
      files = List.copyOf(files);
    }

    /** The absolute location of one of the run's files. */
    public String file(String relative) {
      return location + "/" + relative;
    }
  }

  /** A run directory readers leave out: not committed, or not matching its marker. */
  record Ignored(String location, String reason) implements RunState {
    public Ignored {
      requireNonNull(location, "location is null");
      requireNonNull(reason, "reason is null");
    }

    /** The line a command prints about it, once. */
    public String warning() {
      return "warning: ignoring " + location + ": " + reason + ". It is not part of the store and nothing reads it; "
          + "delete it and run the ingest again.";
    }
  }
}
