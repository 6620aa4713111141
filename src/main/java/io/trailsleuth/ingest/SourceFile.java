package io.trailsleuth.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One input file found under an input root.
 *
 * @param path where to open it; null for standard input
 * @param inputRoot the root as the user named it
 * @param relativePath the path relative to that root, with '/' separators
 * @param sizeBytes its size when the walk found it (0 for standard input)
 */
public record SourceFile(Path path, String inputRoot, String relativePath, long sizeBytes) {
  public SourceFile {
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(relativePath, "relativePath is null");
  }

  /** True when the file is standard input. */
  public boolean isStandardInput() {
    return path == null;
  }
}
