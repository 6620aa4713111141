package io.trailsleuth.cli;

import io.trailsleuth.common.FileTrees;
import io.trailsleuth.common.OwnedTemporaryDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The store a command works in: the one the user named, or a temporary one deleted on close, or at exit when the
 * command is interrupted (Ctrl-C) before it closes, or by a later run when this one was killed or crashed.
 */
final class StoreDirectory implements AutoCloseable {
  private static final int DELETE_ATTEMPTS = 20;
  private static final long DELETE_PAUSE_MILLIS = 50;

  private final Path path;
  /** The temporary directory the store lies in, with its owner lock (see OwnedTemporaryDirectories); else null. */
  private final Path temporaryParent;
  private final Thread deleteAtExit;

  private StoreDirectory(Path path, Path temporaryParent, Thread deleteAtExit) {
    this.path = path;
    this.temporaryParent = temporaryParent;
    this.deleteAtExit = deleteAtExit;
  }

  /** The named store, or a new temporary directory when {@code named} is null. */
  static StoreDirectory namedOrTemporary(Path named) throws IOException {
    if (named != null) {
      return named(named);
    }
    // the store lies one level down: a store starts empty, and the owner lock lies beside it
    Path parent = OwnedTemporaryDirectories.create("trailsleuth-store-");
    Path created = Files.createDirectory(parent.resolve("store"));
    // only the directory this process created, and only its own tree: the walk does not follow links out of it
    Thread deleteAtExit = new Thread(() -> deleteWhileWritersStop(parent), "trailsleuth-delete-temporary-store");
    Runtime.getRuntime().addShutdownHook(deleteAtExit);
    return new StoreDirectory(created, parent, deleteAtExit);
  }

  /** The store the user named; never deleted. */
  static StoreDirectory named(Path named) {
    return new StoreDirectory(named, null, null);
  }

  Path path() {
    return path;
  }

  /** How to name the store in messages. */
  String label() {
    return temporary() ? "(temporary store, deleted on exit)" : path.toString();
  }

  /** True for a store deleted on close, which no later command can use. */
  boolean temporary() {
    return deleteAtExit != null;
  }

  @Override
  public void close() throws IOException {
    if (!temporary()) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(deleteAtExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook deletes the store
      return;
    }
    OwnedTemporaryDirectories.delete(temporaryParent);
  }

  /**
   * Deletes the tree, again while threads of the interrupted command may still add files to it; what cannot be
   * deleted stays, as the JVM must exit.
   */
  private static void deleteWhileWritersStop(Path directory) {
    for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(directory, LinkOption.NOFOLLOW_LINKS); attempt++) {
      try {
        FileTrees.deleteRecursively(directory);
      } catch (IOException | UncheckedIOException e) {
        try {
          Thread.sleep(DELETE_PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
