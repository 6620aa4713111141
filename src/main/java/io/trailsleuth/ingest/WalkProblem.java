package io.trailsleuth.ingest;

import static java.util.Objects.requireNonNull;

/**
 * An input path that could not be read at all: missing, unreadable, a loop, or a special file.
 *
 * @param inputRoot the root as the user named it
 * @param relativePath the path relative to that root
 * @param reasonCode short stable code
 * @param reason what is wrong and what to do
 */
public record WalkProblem(String inputRoot, String relativePath, String reasonCode, String reason) {
  public WalkProblem {
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(relativePath, "relativePath is null");
    requireNonNull(reasonCode, "reasonCode is null");
    requireNonNull(reason, "reason is null");
  }
}
