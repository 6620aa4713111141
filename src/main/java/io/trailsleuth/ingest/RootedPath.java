package io.trailsleuth.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One copy of an input file, named by the input root it was found under and its path relative to that root: two roots
 * may hold different copies at one relative path.
 *
 * @param inputRoot the root as the user named it
 * @param relativePath the path relative to that root, with '/' separators
 */
public record RootedPath(String inputRoot, String relativePath) implements Comparable<RootedPath> {
  private static final Comparator<RootedPath> ORDER =
      Comparator.comparing(RootedPath::inputRoot).thenComparing(RootedPath::relativePath);

  public RootedPath {
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(relativePath, "relativePath is null");
  }

  /** The copy an input file is. */
  public static RootedPath of(SourceFile file) {
    return new RootedPath(file.inputRoot(), file.relativePath());
  }

  @Override
  public int compareTo(RootedPath other) {
    return ORDER.compare(this, other);
  }
}
