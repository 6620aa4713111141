package io.trailsleuth.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole-directory operations the store and the CLI share: finding Parquet files and deleting a tree. */
public final class FileTrees {
  private FileTrees() {}

  /** True when the directory exists and holds a .parquet file at any depth. */
  public static boolean containsParquet(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.anyMatch(path -> path.toString().endsWith(".parquet"));
    }
  }

  /** Deletes a file or directory tree; does nothing when it does not exist. */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
