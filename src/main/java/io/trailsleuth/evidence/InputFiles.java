package io.trailsleuth.evidence;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a file read under an input root is now: under the root, or the root itself when the input named that one file
 * (the ingest then records the file's name as its path relative to the root).
 */
final class InputFiles {
  private InputFiles() {}

  static Path locate(String inputRoot, String relativePath) {
    Path root = Path.of(inputRoot);
    Path name = root.getFileName();
    return !Files.isDirectory(root) && name != null && name.toString().equals(relativePath) ? root
        : root.resolve(relativePath);
  }
}
