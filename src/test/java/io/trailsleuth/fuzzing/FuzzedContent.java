package io.trailsleuth.fuzzing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Turns fuzzer bytes into a file's content. The first byte picks a wrapping, so the fuzzer's mutations of the rest
 * reach the JSON inside well-formed gzip as well as the gzip framing itself: plain bytes, one gzip member, one member
 * per line, a gzip stream cut short, or gzip followed by trailing garbage.
 */
public final class FuzzedContent {
  /** How the bytes after the first are wrapped. */
  public enum Wrapping { PLAIN, GZIP, GZIP_MEMBER_PER_LINE, TRUNCATED_GZIP, GZIP_WITH_TRAILING_BYTES }

  private FuzzedContent() {}

  /** The file content the fuzzer bytes stand for. */
  public static byte[] decode(byte[] data) {
    if (data.length == 0) {
      return data;
    }
    Wrapping wrapping = Wrapping.values()[(data[0] & 0xff) % Wrapping.values().length];
    byte[] rest = Arrays.copyOfRange(data, 1, data.length);
    return switch (wrapping) {
      case PLAIN -> rest;
      case GZIP -> gzip(rest);
      case GZIP_MEMBER_PER_LINE -> gzipMemberPerLine(rest);
      case TRUNCATED_GZIP -> truncatedGzip(rest);
      case GZIP_WITH_TRAILING_BYTES -> withTrailingBytes(rest);
    };
  }

  /** Fuzzer bytes that decode to {@code content} wrapped as {@code wrapping}: seeds for the corpus. */
  public static byte[] encode(Wrapping wrapping, byte[] content) {
    byte[] data = new byte[content.length + 1];
    data[0] = (byte) wrapping.ordinal();
    System.arraycopy(content, 0, data, 1, content.length);
    return data;
  }

  private static byte[] gzipMemberPerLine(byte[] rest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    for (int i = 0; i <= rest.length; i++) {
      if (i == rest.length || rest[i] == '\n') {
        int end = Math.min(i + 1, rest.length);
        out.writeBytes(gzip(Arrays.copyOfRange(rest, start, end)));
        start = end;
      }
    }
    return out.toByteArray();
  }

  /** The first content byte says how much of the compressed stream is kept, in 256ths. */
  private static byte[] truncatedGzip(byte[] rest) {
    if (rest.length == 0) {
      return rest;
    }
    byte[] compressed = gzip(Arrays.copyOfRange(rest, 1, rest.length));
    return Arrays.copyOf(compressed, compressed.length * (rest[0] & 0xff) / 256);
  }

  /** The last up to eight content bytes are appended after the gzip member of the others, as they are. */
  private static byte[] withTrailingBytes(byte[] rest) {
    int split = Math.max(0, rest.length - 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(gzip(Arrays.copyOfRange(rest, 0, split)));
    out.write(rest, split, rest.length - split);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
