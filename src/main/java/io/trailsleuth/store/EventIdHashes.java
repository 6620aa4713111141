package io.trailsleuth.store;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 64-bit hashes of a run's event IDs, taken by the parser threads into one hash set, which prove a run repeats no event
 * when no two are equal. Two records with one ID always hash alike, so distinct hashes prove distinct IDs; equal
 * hashes prove nothing, and deduplication then runs in SQL as before, as it does past {@code limit} IDs.
 *
 * <p>The set is judged as it fills: a repeat is known the moment its hash is taken, and nothing is left to sort or
 * merge when the parse ends.
 */
public final class EventIdHashes {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  /** Marks an empty slot; a hash of 0 is kept as {@link #ZERO_HASH} (two IDs meeting there only look like a repeat). */
  private static final long EMPTY = 0;
  private static final long ZERO_HASH = 0x9e3779b97f4a7c15L;
  private static final int FIRST_SLOTS = 1 << 12;

  private final long limit;
  private final List<Recorder> recorders = new ArrayList<>();
  /** Open addressing, at most three quarters full; null once settled. */
  private long[] slots;
  private long size;
  /**
   * Set, and the slots dropped, once the hashes can prove nothing: a repeat was found, the limit passed, or hashing is
   * off. Recorders then stop hashing.
   */
  private volatile boolean settled;

  private EventIdHashes(long limit, boolean off) {
    this.limit = limit;
    this.slots = off ? null : new long[FIRST_SLOTS];
    this.settled = off;
  }

  /**
   * Hashes up to {@code limit} IDs, in slots of 8 bytes at most three quarters full (1.5M IDs take 2^21 slots, 16 MB of
   * heap); a larger run is deduplicated in SQL.
   */
  public static EventIdHashes upTo(long limit) {
    return new EventIdHashes(limit, false);
  }

  /** Hashes nothing and proves nothing: for a run whose events must be checked against stored ones anyway. */
  public static EventIdHashes off() {
    return new EventIdHashes(0, true);
  }

  /** A recorder for one parser thread; not thread-safe. */
  public synchronized Recorder recorder() {
    Recorder recorder = new Recorder();
    recorders.add(recorder);
    return recorder;
  }

  /**
   * True when every recorder has finished, the set took {@code events} IDs in all (every event the run stores), and no
   * two hash alike: no event of the run repeats. False when two hash alike (a repeat, or a collision), when the count
   * differs, or when the hashes were abandoned.
   */
  public synchronized boolean provesNoRepeat(long events) {
    for (Recorder recorder : recorders) {
      if (!recorder.finished) {
        throw new IllegalStateException("a parser thread's event IDs are not finished");
      }
    }
    return !settled && size == events;
  }

  /** Takes {@code count} hashes into the set, growing it, or abandoning it past the limit. */
  private synchronized void take(long[] hashes, int count) {
    if (settled) {
      return;
    }
    if (size + count > limit) {
      settle();
      return;
    }
    if ((size + count) * 4 > (long) slots.length * 3) {
      grow(size + count);
    }
    for (int i = 0; i < count; i++) {
      if (!insert(slots, hashes[i])) {
        settle();
        return;
      }
      size++;
    }
  }

  /** Ends hashing for good: what was taken can no longer prove anything, and its memory is let go. */
  private void settle() {
    slots = null;
    settled = true;
  }

  private void grow(long needed) {
    int length = slots.length;
    while (needed * 4 > (long) length * 3) {
      length <<= 1;
    }
    long[] larger = new long[length];
    for (long hash : slots) {
      if (hash != EMPTY) {
        insert(larger, hash);
      }
    }
    slots = larger;
  }

  /** Puts the hash into the slots; false when they hold it already. */
  private static boolean insert(long[] slots, long hash) {
    long value = hash == EMPTY ? ZERO_HASH : hash;
    int mask = slots.length - 1;
    for (int slot = (int) value & mask; ; slot = (slot + 1) & mask) {
      if (slots[slot] == EMPTY) {
        slots[slot] = value;
        return true;
      }
      if (slots[slot] == value) {
        return false;
      }
    }
  }

  /** The hash of an ID's UTF-8 bytes: FNV-1a, then MurmurHash3's 64-bit finaliser to spread it. */
  static long hash(byte[] bytes, int offset, int length) {
    long hash = FNV_OFFSET;
    for (int i = offset; i < offset + length; i++) {
      hash = (hash ^ (bytes[i] & 0xff)) * FNV_PRIME;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    return hash ^ (hash >>> 33);
  }

  /** Takes one parser thread's IDs, handing them to the set a thousand at a time. */
  public final class Recorder {
    private final long[] pending = new long[1024];
    private int count;
    private boolean finished;

    private Recorder() {}

    /**
     * Takes the row's event ID, as the bytes the store will hold. A row without one is not taken, so the count of IDs
     * taken then falls short of the events and proves nothing.
     */
    public void add(EventRow row) {
      if (settled) {
        return;
      }
      long hash;
      if (row.isSlice(EventColumn.EVENT_ID)) {
        hash = hash(row.sliceBytes(EventColumn.EVENT_ID), row.sliceOffset(EventColumn.EVENT_ID),
            row.sliceLength(EventColumn.EVENT_ID));
      } else if (row.get(EventColumn.EVENT_ID) instanceof String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        hash = hash(bytes, 0, bytes.length);
      } else {
        return;
      }
      pending[count++] = hash;
      if (count == pending.length) {
        take(pending, count);
        count = 0;
      }
    }

    /** Ends this thread's IDs: hands the last of them to the set. */
    public void finish() {
      synchronized (EventIdHashes.this) {
        take(pending, count);
        count = 0;
        finished = true;
      }
    }
  }
}
