package io.trailsleuth.integrity;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Reads archive files read-only, gunzipping by magic bytes (0x1f 0x8b), and hashes their decompressed content. */
final class FileContent {
  /** Largest decompressed digest read into memory; real digests are a few hundred kilobytes. */
  static final int MAX_DIGEST_BYTES = 64 * 1024 * 1024;

  private FileContent() {}

  /** Opens the file's decompressed content. */
  static InputStream open(Path path) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path));
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(raw, 64 * 1024) : raw;
  }

  /** The hex SHA-256 of the decompressed content, streamed. */
  static String sha256Hex(Path path) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = open(path)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The first bytes of the decompressed content, at most {@code limit}. */
  static byte[] head(Path path, int limit) throws IOException {
    try (InputStream in = open(path)) {
      return in.readNBytes(limit);
    }
  }

  /** The whole decompressed content, failing past {@link #MAX_DIGEST_BYTES}. */
  static byte[] readAll(Path path) throws IOException {
    try (InputStream in = open(path)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_DIGEST_BYTES) {
          throw new IOException("decompressed size exceeds " + MAX_DIGEST_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    }
  }

  /** The hex SHA-256 of bytes already in memory. */
  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
