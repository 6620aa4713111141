package io.trailsleuth.ingest;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * A SHA-256 held as four longs, 48 bytes a value instead of about 104 for its hex text, or unknown: the ingest keeps one
 * per file until it ends.
 *
 * @param known false when there is no hash
 * @param first the first 8 bytes, big-endian
 * @param second the next 8 bytes
 * @param third the next 8 bytes
 * @param fourth the last 8 bytes
 */
public record ContentHash(boolean known, long first, long second, long third, long fourth) {
  /** No hash. */
  public static final ContentHash UNKNOWN = new ContentHash(false, 0, 0, 0, 0);

  /** The hash of a 32-byte SHA-256 digest. */
  public static ContentHash of(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
    }
    ByteBuffer bytes = ByteBuffer.wrap(sha256);
    return new ContentHash(true, bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
  }

  /** The lower-case hex text, or empty when unknown. */
  public String hex() {
    if (!known) {
      return "";
    }
    return HexFormat.of().formatHex(ByteBuffer.allocate(32).putLong(first).putLong(second).putLong(third)
        .putLong(fourth).array());
  }
}
