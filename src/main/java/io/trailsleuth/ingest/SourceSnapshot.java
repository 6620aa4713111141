package io.trailsleuth.ingest;

import io.trailsleuth.model.EventSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * memory; larger ones are copied to a scratch file, which {@link #close()} deletes.
 */
public final class SourceSnapshot implements AutoCloseable {
  /** Files up to this size are held in memory; CloudTrail log files are far smaller. */
  static final int IN_MEMORY_LIMIT = 32 << 20;

  private final byte[] bytes;
  private final Path copy;
  private final long sizeBytes;
  private final String sha256;
  private final String problemCode;
  private final String problem;

  private SourceSnapshot(byte[] bytes, Path copy, long sizeBytes, String sha256, String problemCode, String problem) {
    this.bytes = bytes;
    this.copy = copy;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.problemCode = problemCode;
    this.problem = problem;
  }

  /** Captures a file; never throws for a file that cannot be read, it becomes a snapshot with a problem. */
  public static SourceSnapshot take(Path path, String relativePath, Path scratch) {
    Path copy = null;
    try {
      BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
      MessageDigest digest = sha256Digest();
      byte[] bytes = null;
      long count = 0;
      try (InputStream in = Files.newInputStream(path, StandardOpenOption.READ)) {
        OutputStream out;
        ByteArrayOutputStream memory = null;
        if (before.size() <= IN_MEMORY_LIMIT) {
          memory = new ByteArrayOutputStream((int) Math.max(32, before.size()));
          out = memory;
        } else {
          Files.createDirectories(scratch);
          copy = Files.createTempFile(scratch, "snapshot-", ".input");
          out = Files.newOutputStream(copy, StandardOpenOption.WRITE);
        }
        try (out) {
          byte[] buffer = new byte[1 << 16];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            count += n;
          }
        }
        if (memory != null) {
          bytes = memory.toByteArray();
        }
      }
      BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
      String sha256 = HexFormat.of().formatHex(digest.digest());
      String change = change(before, after, count);
      if (change != null) {
        return new SourceSnapshot(null, copy, count, sha256, "changed-while-reading", relativePath
            + " changed while it was read (" + change + "); none of its records were kept. Ingest it again once"
            + " nothing is writing it (a sync still running?)");
      }
      return new SourceSnapshot(bytes, copy, count, sha256, null, null);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(copy);
      return new SourceSnapshot(null, null, 0, "", "unreadable", "cannot read " + relativePath + ": "
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
    try (InputStream in = bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(copy, LinkOption.NOFOLLOW_LINKS)) {
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
