package io.trailsleuth.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level JSON tests, eight bytes at a time: where a string's plain run ends, and whether UTF-8 is well formed. */
final class JsonBytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  private JsonBytes() {}

  /**
   * The position of the first byte at or after {@code from} (before {@code end}) that ends a plain run inside a
   * JSON string: a quote, a backslash, a control byte or a non-ASCII byte; {@code end} when there is none.
   */
  static int plainRunEnd(byte[] bytes, int from, int end) {
    int position = from;
    while (position + Long.BYTES <= end) {
      long word = (long) LONGS.get(bytes, position);
      long quote = word ^ QUOTES;
      long backslash = word ^ BACKSLASHES;
      // a byte's high bit is set when it is zero (quote, backslash), below 0x20, or non-ASCII; the lowest set
      // bit is always a true hit, because borrows only carry upwards from one
      long hits = (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((word - SPACES) & ~word) | word)
          & HIGH_BITS;
      if (hits != 0) {
        return position + (Long.numberOfTrailingZeros(hits) >>> 3);
      }
      position += Long.BYTES;
    }
    while (position < end) {
      int b = bytes[position] & 0xff;
      if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) {
        return position;
      }
      position++;
    }
    return end;
  }

  /**
   * The length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF) that
   * starts at {@code at} with a non-ASCII byte; -1 when it is not well formed or runs past {@code end}.
   */
  static int utf8SequenceLength(byte[] bytes, int at, int end) {
    int lead = bytes[at] & 0xff;
    int length;
    int secondLow = 0x80;
    int secondHigh = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        secondLow = 0xA0;
      } else if (lead == 0xED) {
        secondHigh = 0x9F;
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        secondLow = 0x90;
      } else if (lead == 0xF4) {
        secondHigh = 0x8F;
      }
    } else {
      return -1;
    }
    if (at + length > end) {
      return -1;
    }
    int second = bytes[at + 1] & 0xff;
    if (second < secondLow || second > secondHigh) {
      return -1;
    }
    for (int i = 2; i < length; i++) {
      if ((bytes[at + i] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return length;
  }
}
