package io.trailsleuth.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** A gzip file being written whose decompressed content is hashed on the way in (as CloudTrail digests do). */
final class HashedGzipFile implements AutoCloseable {
  private final MessageDigest digest;
  private final OutputStream out;

  private HashedGzipFile(MessageDigest digest, OutputStream out) {
    this.digest = digest;
    this.out = out;
  }

  /** Creates the file and its parent folders. GZIPOutputStream writes no name and no time, so bytes repeat. */
  static HashedGzipFile create(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    OutputStream file = new GZIPOutputStream(Files.newOutputStream(path), 64 * 1024);
    return new HashedGzipFile(digest, new DigestOutputStream(file, digest));
  }

  /** The stream to write the decompressed content to. */
  OutputStream stream() {
    return out;
  }

  /** Hex SHA-256 of everything written so far; call after the content is complete. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
