package io.trailsleuth.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream line by line as strictly decoded UTF-8, knowing where each line starts in the stream's bytes (a
 * reader of characters does not), so a record read from a line keeps its byte position. Ends lines at LF and drops
 * a CR before it.
 */
final class ByteLines {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[1 << 12];
  private long start;
  private long next;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** The next line without its line end, or null at the end of the stream; invalid UTF-8 throws. */
  String next() throws IOException {
    start = next;
    int length = 0;
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, length * 2);
      }
      buffer[length++] = (byte) b;
    }
    if (b < 0 && length == 0) {
      return null;
    }
    next = start + length + (b < 0 ? 0 : 1);
    if (length > 0 && buffer[length - 1] == '\r') {
      length--;
    }
    return decoder.decode(ByteBuffer.wrap(buffer, 0, length)).toString();
  }

  /** Where the line {@link #next()} returned starts in the stream. */
  long start() {
    return start;
  }
}
