package io.trailsleuth.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;

/**
 * Temporary directories that a later run removes once the process that made them is gone (killed, crashed).
 *
 * <p>Each directory (a temporary store, DuckDB's spill directory) holds a lock file its process keeps locked while it
 * lives; the kernel releases the lock when the process dies, whatever process IDs a container shows. A sweep deletes a
 * directory only when it can take that lock, the directory belongs to the sweeping user, and the parent is a directory
 * no other user can swap entries in (sticky, like /tmp, or not writable by others). A sweep never opens the lock file
 * of a directory this process holds: closing any descriptor of a file drops all of a process's locks on it.
 */
public final class OwnedTemporaryDirectories {
  /** The file each directory's owner holds locked. */
  static final String OWNER_LOCK = ".trailsleuth-owner.lock";
  private static final int STICKY = 01000;
  private static final int WRITABLE_BY_GROUP_OR_OTHERS = 0022;
  /** The locks of the directories this process made, kept open (and so held) until deleted or the process exits. */
  private static final Map<Path, FileChannel> HELD = new HashMap<>();

  private OwnedTemporaryDirectories() {}

  /**
   * Makes a new directory with this name prefix in the system's temporary directory, owned by this process, then
   * removes the ones with the same prefix their owners left behind.
   */
  public static Path create(String prefix) throws IOException {
    return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
  }

  /** As {@link #create(String)}, in {@code parent}. */
  static synchronized Path create(Path parent, String prefix) throws IOException {
    Path directory = Files.createTempDirectory(parent, prefix);
    // locked under another name, then renamed: a sweep beside this one never sees the lock file unlocked (the lock
    // is on the file, which the rename keeps)
    Path unnamed = directory.resolve(OWNER_LOCK + ".new");
    FileChannel lock = null;
    try {
      lock = FileChannel.open(unnamed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      lock.lock();
      Files.move(unnamed, directory.resolve(OWNER_LOCK), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      FileTrees.deleteRecursively(directory);
      throw e;
    }
    HELD.put(directory, lock);
    deleteAbandoned(directory.getParent(), prefix, Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS));
    return directory;
  }

  /** Deletes a directory {@link #create} made, with what it holds, and lets go of its lock. */
  public static synchronized void delete(Path directory) throws IOException {
    FileTrees.deleteRecursively(directory);
    FileChannel lock = HELD.remove(directory);
    if (lock != null) {
      lock.close();
    }
  }

  /**
   * Deletes each directory in {@code parent} named with {@code prefix}, owned by {@code user}, whose owner lock no
   * process holds; returns how many. Nothing is deleted when other users could swap entries of {@code parent}, and a
   * directory of another user, one without the lock file, one this process holds, or one that cannot be emptied is
   * left as it is.
   */
  static synchronized int deleteAbandoned(Path parent, String prefix, UserPrincipal user) {
    int deleted = 0;
    try {
      int mode = (Integer) Files.getAttribute(parent, "unix:mode");
      if ((mode & STICKY) == 0 && (mode & WRITABLE_BY_GROUP_OR_OTHERS) != 0) {
        return 0;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
        for (Path entry : entries) {
          if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
              && user.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))
              && Files.isRegularFile(entry.resolve(OWNER_LOCK), LinkOption.NOFOLLOW_LINKS) && !heldHere(entry)
              && deleteIfAbandoned(entry)) {
            deleted++;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the temporary directory cannot be read (or has no Unix modes): nothing is removed, and the command goes on
    }
    return deleted;
  }

  private static boolean heldHere(Path entry) throws IOException {
    for (Path held : HELD.keySet()) {
      if (Files.isSameFile(held, entry)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes the directory when its owner lock can be taken: what it holds first, the lock file only once nothing else
   * is left, so that a delete cut short is taken up by the next sweep.
   */
  private static boolean deleteIfAbandoned(Path directory) {
    Path lockFile = directory.resolve(OWNER_LOCK);
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      if (channel.tryLock() == null) {
        return false; // its owner is alive
      }
      boolean empty = true;
      try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
        for (Path child : children) {
          if (child.getFileName().toString().equals(OWNER_LOCK)) {
            continue;
          }
          if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.deleteRecursively(child);
          }
          Files.deleteIfExists(child); // a file or a link (never followed), dangling or not
          empty &= Files.notExists(child, LinkOption.NOFOLLOW_LINKS);
        }
      }
      if (!empty) {
        return false;
      }
      Files.delete(lockFile);
      Files.delete(directory);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
