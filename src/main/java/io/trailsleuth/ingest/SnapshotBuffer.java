package io.trailsleuth.ingest;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One parser thread's memory for {@link SourceSnapshot#take}: the array the file's bytes are read into and the SHA-256
 * digest, both used again for every file instead of allocated per file. A snapshot taken into it is valid until the
 * next take. Not thread-safe.
 */
public final class SnapshotBuffer {
  /** Larger arrays are not kept for the next file, so that one large file does not hold its size for the whole run. */
  static final int KEPT_BYTES = 4 << 20;

  private byte[] bytes = new byte[1 << 16];
  private final MessageDigest digest = SourceSnapshot.sha256Digest();

  /** An array of at least {@code size} bytes, this buffer's own when it is small enough to keep; its contents vary. */
  byte[] arrayFor(long size) {
    if (size > KEPT_BYTES) {
      return new byte[(int) size];
    }
    if (bytes.length < size) {
      bytes = new byte[(int) Math.max(size, Math.min(KEPT_BYTES, 2L * bytes.length))];
    }
    return bytes;
  }

  /** A copy of {@code array} grown to at least {@code size} bytes; kept for the next file when small enough. */
  byte[] grow(byte[] array, long size) {
    if (size > Integer.MAX_VALUE - 8) {
      throw new OutOfMemoryError("a file of more than 2 GiB cannot be held in memory");
    }
    byte[] grown = Arrays.copyOf(array, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, 2L * array.length)));
    if (array == bytes && grown.length <= KEPT_BYTES) {
      bytes = grown;
    }
    return grown;
  }

  /** The SHA-256 digest, reset. */
  MessageDigest digest() {
    digest.reset();
    return digest;
  }
}
