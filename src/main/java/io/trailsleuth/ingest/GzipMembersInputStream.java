package io.trailsleuth.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip file of one or more members, strictly. Unlike {@link java.util.zip.GZIPInputStream}, which
 * silently stops at bytes after a member that are not another member, it reports such trailing garbage, and it
 * checks every member's CRC-32 and length. Errors name the compressed byte offset where they were found.
 */
final class GzipMembersInputStream extends InputStream {
  private static final int FLAG_HEADER_CRC = 2;
  private static final int FLAG_EXTRA = 4;
  private static final int FLAG_NAME = 8;
  private static final int FLAG_COMMENT = 16;

  private InputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[1 << 16];
  private int bufferLength;
  private int bufferPosition;
  /** Compressed bytes consumed so far, for messages. */
  private long compressedOffset;
  private long memberLength;
  private int members;
  private boolean inMember;
  private boolean finished;
  /** A member header carries a CRC-16, which this stream skips unchecked (java.util.zip checks it). */
  private boolean headerChecksum;

  GzipMembersInputStream(InputStream in) {
    this.in = in;
  }

  /**
   * A decoder to {@link #restart} for each file: one inflater and buffer serve them all. It is never closed; its
   * inflater's native memory is freed when it is collected, as every {@link Inflater}'s is.
   */
  GzipMembersInputStream() {
    this.in = InputStream.nullInputStream();
  }

  /** Starts reading {@code next} from its first byte, as a new stream over it would; nothing of the last file is kept. */
  void restart(InputStream next) {
    in = next;
    bufferLength = 0;
    bufferPosition = 0;
    compressedOffset = 0;
    memberLength = 0;
    members = 0;
    inMember = false;
    finished = false;
    headerChecksum = false;
    inflater.reset();
    crc.reset();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!finished) {
      if (!inMember && !startMember()) {
        finished = true;
        break;
      }
      int n = inflate(target, offset, length);
      if (n > 0) {
        crc.update(target, offset, n);
        memberLength += n;
        return n;
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsInput()) {
        if (!fill()) {
          throw new EOFException("gzip member " + (members + 1) + " ends early at compressed byte " + compressedOffset
              + " (the file is cut short)");
        }
        inflater.setInput(buffer, bufferPosition, bufferLength - bufferPosition);
      } else if (inflater.needsDictionary()) {
        throw new GzipFormatException("corrupt-gzip", "gzip member " + (members + 1) + " asks for a preset dictionary");
      }
    }
    return -1;
  }

  private int inflate(byte[] target, int offset, int length) throws IOException {
    try {
      return inflater.inflate(target, offset, length);
    } catch (DataFormatException e) {
      throw new GzipFormatException("corrupt-gzip", "corrupt deflate data in gzip member " + (members + 1)
          + " near compressed byte " + compressedOffset + ": " + e.getMessage());
    }
  }

  /** Reads the next member's header; false at a clean end of file. */
  private boolean startMember() throws IOException {
    long headerOffset = compressedOffset;
    int first = nextByte();
    if (first < 0) {
      if (members == 0) {
        throw new EOFException("gzip file holds no member");
      }
      return false;
    }
    int second = nextByte();
    if (first != 0x1f || second != 0x8b) {
      long rest = 1 + (second < 0 ? 0 : 1) + drain();
      throw new GzipFormatException("trailing-garbage", rest + " bytes that are not gzip follow the end of gzip member "
          + members + " at compressed byte " + headerOffset + " (appended or damaged data)");
    }
    int method = requiredByte();
    int flags = requiredByte();
    if (method != 8) {
      throw new GzipFormatException("corrupt-gzip", "gzip member " + (members + 1) + " at compressed byte " + headerOffset
          + " uses unknown compression method " + method);
    }
    skipRequired(6);
    if ((flags & FLAG_EXTRA) != 0) {
      int extraLength = requiredByte() | (requiredByte() << 8);
      skipRequired(extraLength);
    }
    if ((flags & FLAG_NAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FLAG_COMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FLAG_HEADER_CRC) != 0) {
      headerChecksum = true;
      skipRequired(2);
    }
    inflater.reset();
    crc.reset();
    memberLength = 0;
    inMember = true;
    if (bufferPosition < bufferLength) {
      inflater.setInput(buffer, bufferPosition, bufferLength - bufferPosition);
    }
    return true;
  }

  /** Checks the trailer of a finished member. */
  private void endMember() throws IOException {
    int unused = inflater.getRemaining();
    int consumed = (bufferLength - bufferPosition) - unused;
    bufferPosition += consumed;
    compressedOffset += consumed;
    long expectedCrc = readIntLittleEndian();
    long expectedLength = readIntLittleEndian();
    if (expectedCrc != crc.getValue()) {
      throw new GzipFormatException("corrupt-gzip", "gzip member " + (members + 1) + " fails its CRC-32 check at compressed byte "
          + compressedOffset + " (the data is damaged)");
    }
    if (expectedLength != (memberLength & 0xffffffffL)) {
      throw new GzipFormatException("corrupt-gzip", "gzip member " + (members + 1) + " has the wrong length in its trailer");
    }
    members++;
    inMember = false;
  }

  private long readIntLittleEndian() throws IOException {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value |= ((long) requiredByte()) << (8 * i);
    }
    return value;
  }

  /**
   * Bytes consumed from the buffer by the inflater are accounted at member end; header and trailer bytes here.
   * While a member is being inflated, the inflater owns the buffer.
   */
  private int nextByte() throws IOException {
    if (bufferPosition >= bufferLength && !fill()) {
      return -1;
    }
    compressedOffset++;
    return buffer[bufferPosition++] & 0xff;
  }

  private int requiredByte() throws IOException {
    int b = nextByte();
    if (b < 0) {
      throw new EOFException("gzip header or trailer of member " + (members + 1) + " ends early at compressed byte "
          + compressedOffset + " (the file is cut short)");
    }
    return b;
  }

  private void skipRequired(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      requiredByte();
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (requiredByte() != 0) {
      // a file name or comment in the header
    }
  }

  private long drain() throws IOException {
    long count = bufferLength - bufferPosition;
    bufferPosition = bufferLength;
    byte[] skip = new byte[1 << 16];
    for (int n = in.read(skip); n >= 0; n = in.read(skip)) {
      count += n;
    }
    return count;
  }

  /** Refills the buffer when it is used up; false at the end of the input. */
  private boolean fill() throws IOException {
    if (inMember) {
      // the inflater took the whole previous buffer
      compressedOffset += bufferLength - bufferPosition;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      bufferLength = 0;
      bufferPosition = 0;
      return false;
    }
    bufferLength = n;
    bufferPosition = 0;
    return true;
  }

  /**
   * True when a member header read so far carries a header CRC-16. This stream does not check it, so another gzip
   * reader may reject the file, or stop early after a member, where this one reads on.
   */
  boolean sawHeaderChecksum() {
    return headerChecksum;
  }

  /** Frees the inflater; the caller closes the underlying stream, which it opened. */
  @Override
  public void close() {
    inflater.end();
  }
}
