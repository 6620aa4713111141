package io.trailsleuth.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Serves a decoded stream to the JSON parser and remembers the last bytes it served, so that after a line of JSON
 * Lines that is not valid JSON, reading can resume at the next line although the parser has already read past it.
 */
final class LineResumableInput extends InputStream {
  /** Far more than the JSON parser reads ahead of the point it reports an error at (8,000 bytes). */
  private static final int REMEMBERED = 1 << 16;

  private final InputStream in;
  private final byte[] recent = new byte[REMEMBERED];
  private final byte[] single = new byte[1];
  /** Bytes served so far: the absolute offset of the next byte. */
  private long served;
  /** Remembered bytes to serve again before reading on, from {@code replayFrom} up to {@code replayTo}. */
  private long replayFrom;
  private long replayTo;

  LineResumableInput(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (replayFrom < replayTo) {
      int count = (int) Math.min(length, replayTo - replayFrom);
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = recent[(int) ((replayFrom + i) % REMEMBERED)];
      }
      replayFrom += count;
      return count;
    }
    int count = in.read(buffer, offset, length);
    if (count > 0) {
      remember(buffer, offset, count);
      served += count;
    }
    return count;
  }

  /** Copies the last bytes served into the ring, in at most two pieces. */
  private void remember(byte[] buffer, int offset, int count) {
    int keep = Math.min(count, REMEMBERED);
    long start = served + count - keep;
    int at = (int) (start % REMEMBERED);
    int first = Math.min(keep, REMEMBERED - at);
    System.arraycopy(buffer, offset + count - keep, recent, at, first);
    System.arraycopy(buffer, offset + count - keep + first, recent, 0, keep - first);
  }

  /**
   * Makes the next byte served the first of the line after the one where the next value after {@code from} starts
   * (white space, line feeds included, is skipped first); returns that byte's absolute offset, or -1 when the input
   * ends first. {@code from} is where the last complete value ended, so a value broken at its line's end (a truncated
   * line, noticed only at the next line's first byte) costs its own line, not the next one too.
   */
  long resumeAfterLineOf(long from) throws IOException {
    LineEnd lineEnd = new LineEnd();
    for (long position = Math.max(from, served - REMEMBERED); position < served; position++) {
      if (lineEnd.isAt(recent[(int) (position % REMEMBERED)])) {
        replayFrom = position + 1;
        replayTo = served;
        return replayFrom;
      }
    }
    // the rest of the line was never served: skip it in the input
    for (int b = in.read(); b >= 0; b = in.read()) {
      served++;
      if (lineEnd.isAt(b)) {
        replayFrom = served;
        replayTo = served;
        return served;
      }
    }
    return -1;
  }

  /** Finds the line feed that ends the line of the first value after some white space. */
  private static final class LineEnd {
    private boolean valueStarted;

    boolean isAt(int b) {
      if (!valueStarted) {
        valueStarted = b != ' ' && b != '\t' && b != '\r' && b != '\n';
        return false;
      }
      return b == '\n';
    }
  }
}
