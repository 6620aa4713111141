package io.trailsleuth.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive OS-level lock on a store, so two ingests never write into it at once. */
public final class StoreLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock or fails at once with a message that says who holds it.
   *
   * @throws StoreBusyException when another process holds it
   */
  public static StoreLock acquire(StoreLayout layout) throws IOException {
    FileChannel channel = FileChannel.open(layout.lockFile(),
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      channel.read(buffer, 0);
      channel.close();
      String holder = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
      throw new StoreBusyException("store " + layout.root() + " is locked by another trailsleuth ingest ("
          + (holder.isEmpty() ? "unknown process" : holder) + "); wait for it to finish, then run again");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
    return new StoreLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }

}
