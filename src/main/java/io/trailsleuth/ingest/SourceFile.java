package io.trailsleuth.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One input file found under an input root. Its path is kept as the walk's root, shared by every file of the walk, and
 * the text under it, which is the relative path itself in the usual case: a {@code Path} per file held the path's
 * bytes a second time (about 230 bytes a file, which at 300,000 files outgrew the launcher's heap; bench/README.md).
 * A file whose path that text does not give back exactly (see {@code SourceWalker}) keeps its own path.
 *
 * @param walkRoot the path the walk started from, as named (a file named directly is its own walk root), or the
 *     file's own path; null for standard input
 * @param underRoot the file's path under {@code walkRoot} as the walk spelled it, "" when {@code walkRoot} is the
 *     file
 * @param inputRoot the root as the user named it
 * @param relativePath the path relative to that root, with '/' separators
 * @param sizeBytes its size when the walk found it (0 for standard input)
 */
public record SourceFile(Path walkRoot, String underRoot, String inputRoot, String relativePath, long sizeBytes) {
  public SourceFile {
    requireNonNull(underRoot, "underRoot is null");
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(relativePath, "relativePath is null");
  }

  /** Standard input, read once as if it were a file. */
  public static SourceFile standardInput() {
    return new SourceFile(null, "", "-", "<stdin>", 0);
  }

  /** Where to open the file; null for standard input. */
  public Path path() {
    if (walkRoot == null) {
      return null;
    }
    return underRoot.isEmpty() ? walkRoot : walkRoot.resolve(underRoot);
  }

  /** True when the file is standard input. */
  public boolean isStandardInput() {
    return walkRoot == null;
  }
}
