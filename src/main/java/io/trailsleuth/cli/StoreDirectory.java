package io.trailsleuth.cli;

import io.trailsleuth.common.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store a command works in: the one the user named, or a temporary one deleted on close. */
final class StoreDirectory implements AutoCloseable {
  private final Path path;
  private final boolean temporary;

  private StoreDirectory(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** The named store, or a new temporary directory when {@code named} is null. */
  static StoreDirectory namedOrTemporary(Path named) throws IOException {
    return named != null ? new StoreDirectory(named, false)
        : new StoreDirectory(Files.createTempDirectory("trailsleuth-store-"), true);
  }

  /** The store the user named; never deleted. */
  static StoreDirectory named(Path named) {
    return new StoreDirectory(named, false);
  }

  Path path() {
    return path;
  }

  /** How to name the store in messages. */
  String label() {
    return temporary ? "(temporary store, deleted on exit)" : path.toString();
  }

  /** True for a store deleted on close, which no later command can use. */
  boolean temporary() {
    return temporary;
  }

  @Override
  public void close() throws IOException {
    if (!temporary) {
      return;
    }
    FileTrees.deleteRecursively(path);
  }
}
