package io.trailsleuth.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks, before any work, that each path a command is to read exists: a mistyped path is a usage error with one
 * clear line. {@code -} is standard input. A dangling link exists as a link and is reported by the walk instead.
 */
final class InputPaths {
  private InputPaths() {}

  /** Throws a usage error naming the first path that does not exist. */
  static void requireExisting(List<String> paths) {
    for (String path : paths) {
      if (!path.equals("-") && !exists(path)) {
        throw new UserException(ExitCode.USAGE, "no such file or directory: " + path);
      }
    }
  }

  private static boolean exists(String path) {
    try {
      return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
