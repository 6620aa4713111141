package io.trailsleuth.ingest;

import io.trailsleuth.model.EventSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One input file's bytes, captured in a single read so that the SHA-256 and the parse see exactly the same
 * bytes. The file's size, modification time and identity are compared before and after that read: a file
 * that changes meanwhile (a sync still writing it) is rejected whole as "changed-while-reading", and one that
 * cannot be read (permission denied, I/O error, gone) is rejected as "unreadable". Small files are held in
 * memory, in the caller's {@link SnapshotBuffer}; larger ones are copied to a scratch file, which {@link #close()}
 * deletes.
 */
public final class SourceSnapshot implements AutoCloseable {
  /** Files up to this size are held in memory; CloudTrail log files are far smaller. */
  static final int IN_MEMORY_LIMIT = 32 << 20;
  /**
   * Bytes asked for by one read: the JDK reads a file into a byte array through a direct buffer of the size asked for,
   * which it keeps for the thread's next read, so larger reads would keep that much native memory per parser thread.
   */
  private static final int READ_BYTES = 1 << 20;

  /** The bytes read, the first {@code length} of this array (a {@link SnapshotBuffer}'s), or null. */
  private final byte[] bytes;
  private final int length;
  private final Path copy;
  private final long sizeBytes;
  private final String sha256;
  private final String problemCode;
  private final String problem;

  private SourceSnapshot(byte[] bytes, int length, Path copy, long sizeBytes, String sha256, String problemCode,
      String problem) {
    this.bytes = bytes;
    this.length = length;
    this.copy = copy;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.problemCode = problemCode;
    this.problem = problem;
  }

  /**
   * Captures a file into {@code buffer}; never throws for a file that cannot be read, it becomes a snapshot with a
   * problem. The snapshot is valid until the next take into the same buffer.
   */
  public static SourceSnapshot take(Path path, String relativePath, Path scratch, SnapshotBuffer buffer) {
    Path copy = null;
    try {
      BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
      MessageDigest digest = buffer.digest();
      byte[] bytes = null;
      long count = 0;
      try (InputStream in = Files.newInputStream(path, StandardOpenOption.READ)) {
        if (before.size() <= IN_MEMORY_LIMIT) {
          // one byte more than the size, so that the read that finds the end needs no larger array
          bytes = buffer.arrayFor(before.size() + 1);
          for (int n = in.read(bytes, 0, Math.min(bytes.length, READ_BYTES)); n >= 0;
              n = in.read(bytes, (int) count, Math.min(bytes.length - (int) count, READ_BYTES))) {
            digest.update(bytes, (int) count, n);
            count += n;
            if (count == bytes.length) {
              // the file grew while it was read, which the check after the read rejects; read it to its end
              bytes = buffer.grow(bytes, count + (count >>> 1));
            }
          }
        } else {
          Files.createDirectories(scratch);
          copy = Files.createTempFile(scratch, "snapshot-", ".input");
          try (OutputStream out = Files.newOutputStream(copy, StandardOpenOption.WRITE)) {
            byte[] chunk = buffer.arrayFor(READ_BYTES);
            for (int n = in.read(chunk, 0, READ_BYTES); n >= 0; n = in.read(chunk, 0, READ_BYTES)) {
              digest.update(chunk, 0, n);
              out.write(chunk, 0, n);
              count += n;
            }
          }
        }
      }
      BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
      String sha256 = HexFormat.of().formatHex(digest.digest());
      String change = change(before, after, count);
      if (change != null) {
        return new SourceSnapshot(null, 0, copy, count, sha256, "changed-while-reading", relativePath
            + " changed while it was read (" + change + "); none of its records were kept. Ingest it again once"
            + " nothing is writing it (a sync still running?)");
      }
      return new SourceSnapshot(bytes, (int) count, copy, count, sha256, null, null);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(copy);
      return new SourceSnapshot(null, 0, null, 0, "", "unreadable", "cannot read " + relativePath + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage() + "; check that it exists and that its permissions"
          + " allow reading, then ingest again");
    }
  }

  private static String change(BasicFileAttributes before, BasicFileAttributes after, long count) {
    if (before.size() != count || after.size() != count) {
      return "size " + before.size() + " bytes before, " + count + " read, " + after.size() + " after";
    }
    if (!before.lastModifiedTime().equals(after.lastModifiedTime())) {
      return "modified at " + before.lastModifiedTime() + " before and " + after.lastModifiedTime() + " after";
    }
    if (!Objects.equals(before.fileKey(), after.fileKey())) {
      return "replaced by another file";
    }
    return null;
  }

  /** The bytes read. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** SHA-256 of the bytes read, or "" when the file could not be read. */
  public String sha256() {
    return sha256;
  }

  /** True when the file's records can be read: it was readable and did not change. */
  public boolean usable() {
    return problemCode == null;
  }

  /** Parses the captured bytes, or rejects the whole file when it is not usable. */
  public FileReadResult read(SourceReader reader, String sourceFile, EventSink sink) throws IOException {
    if (!usable()) {
      return SourceReader.rejectWhole(sourceFile, problemCode, problem, sink);
    }
    if (bytes != null) {
      return reader.read(bytes, length, sourceFile, sha256, sink);
    }
    try (InputStream in = Files.newInputStream(copy, LinkOption.NOFOLLOW_LINKS)) {
      return reader.read(in, sourceFile, sha256, sink);
    }
  }

  /** A new SHA-256 digest; every JDK has one. */
  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a scratch file in the staging directory, which is deleted with the run anyway
      }
    }
  }

  @Override
  public void close() {
    deleteQuietly(copy);
  }
}
