package io.trailsleuth.store;

import java.util.Arrays;

/**
 * The SHA-256 of every file content a store has read already, which a run skips: held as four longs per hash in one
 * sorted array and looked up by binary search. A set of hex strings took about 150 bytes of heap a file, which a
 * re-run over an archive of hundreds of thousands of files felt (bench/README.md, round ten); this takes 32.
 */
public final class KnownContents {
  private static final int LONGS = 4;
  private static final int HEX_DIGITS = 64;
  private static final KnownContents NONE = new KnownContents(new long[0], 0);

  private final long[] values;
  private final int count;

  private KnownContents(long[] values, int count) {
    this.values = values;
    this.count = count;
  }

  /** No content is known: a store without runs. */
  public static KnownContents none() {
    return NONE;
  }

  /**
   * Takes the hashes as lowercase hex, in ascending order without repeats, as the query orders them (refused
   * otherwise). A value that is not 64 hex digits can never equal a file's hash and is left out.
   */
  public static final class Builder {
    private long[] values = new long[LONGS * 1024];
    private int count;
    private final long[] parsed = new long[LONGS];

    /** Adds the next hash. */
    public Builder add(String hash) {
      if (!parse(hash, parsed)) {
        return this;
      }
      if (count > 0 && compare(values, count - 1, parsed) >= 0) {
        throw new IllegalStateException("known content hashes are not in ascending order at " + hash);
      }
      if (LONGS * (count + 1) > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      System.arraycopy(parsed, 0, values, LONGS * count, LONGS);
      count++;
      return this;
    }

    /** The hashes added. */
    public KnownContents build() {
      return new KnownContents(Arrays.copyOf(values, LONGS * count), count);
    }
  }

  /** True when a file with this SHA-256 (lowercase hex) has been read into the store. */
  public boolean contains(String sha256) {
    long[] parsed = new long[LONGS];
    if (!parse(sha256, parsed)) {
      return false;
    }
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = compare(values, middle, parsed);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** How many contents are known. */
  public int size() {
    return count;
  }

  /** Reads 64 lowercase hex digits as four big-endian longs, so that their unsigned order is the text's order. */
  private static boolean parse(String hash, long[] into) {
    if (hash == null || hash.length() != HEX_DIGITS) {
      return false;
    }
    for (int part = 0; part < LONGS; part++) {
      long value = 0;
      for (int i = part * 16; i < part * 16 + 16; i++) {
        char c = hash.charAt(i);
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) {
          return false;
        }
        value = value << 4 | digit;
      }
      into[part] = value;
    }
    return true;
  }

  private static int compare(long[] values, int index, long[] parsed) {
    for (int part = 0; part < LONGS; part++) {
      int order = Long.compareUnsigned(values[LONGS * index + part], parsed[part]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
