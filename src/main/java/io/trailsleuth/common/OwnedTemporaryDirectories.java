package io.trailsleuth.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
 * Temporary directories (a temporary store, DuckDB's spill directory) that hold a lock on a file inside them for as
 * long as the process that made them lives, so that one left behind by a process that crashed or was killed, which
 * no shutdown hook removed, is recognised by a later run and removed. The lock is the kernel's, released when its
 * holder dies, whatever the process IDs a container shows; a directory whose lock is held is never touched.
 */
public final class OwnedTemporaryDirectories {
  /** The file each directory's owner holds locked. */
  static final String OWNER_LOCK = ".trailsleuth-owner.lock";
  /** The locks of the directories this process made, kept open (and so held) until deleted or the process exits. */
  private static final Map<Path, FileChannel> HELD = new HashMap<>();

  private OwnedTemporaryDirectories() {}

  /**
   * Removes the directories with this name prefix in the system's temporary directory that their owner left behind,
   * then makes a new one owned by this process.
   */
  public static synchronized Path create(String prefix) throws IOException {
    deleteAbandoned(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    Path directory = Files.createTempDirectory(prefix);
    // locked under another name, then renamed: a sweep beside this one never sees the lock file unlocked (the lock
    // is on the file, which the rename keeps)
    Path unnamed = directory.resolve(OWNER_LOCK + ".new");
    FileChannel lock = FileChannel.open(unnamed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      lock.lock();
      Files.move(unnamed, directory.resolve(OWNER_LOCK), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    HELD.put(directory, lock);
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
   * Deletes each directory in {@code parent} named with {@code prefix}, owned by this process's user, that holds an
   * owner lock no process holds; a directory of another user, one without the lock file (not made by this class) or
   * one that cannot be deleted is left as it is. Returns how many were deleted.
   */
  static int deleteAbandoned(Path parent, String prefix) {
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
      UserPrincipal user = parent.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(System.getProperty("user.name"));
      for (Path entry : entries) {
        // only this user's own directories, which no other user can swap for a link in a shared /tmp (sticky bit)
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
            && user.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS))
            && Files.isRegularFile(entry.resolve(OWNER_LOCK), LinkOption.NOFOLLOW_LINKS) && deleteIfAbandoned(entry)) {
          deleted++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the temporary directory cannot be listed: nothing is removed, and the command goes on
    }
    return deleted;
  }

  /** Deletes the directory when its owner lock can be taken, the lock file last, so that an interrupted delete is resumed. */
  private static boolean deleteIfAbandoned(Path directory) throws IOException {
    Path lockFile = directory.resolve(OWNER_LOCK);
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return false; // this process's own
      }
      if (lock == null) {
        return false; // its owner is alive
      }
      try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
        for (Path child : children) {
          if (!child.getFileName().toString().equals(OWNER_LOCK)) {
            FileTrees.deleteRecursively(child);
          }
        }
      }
      Files.delete(lockFile);
      Files.delete(directory);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
