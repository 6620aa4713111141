package io.trailsleuth.ingest;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The SHA-256 of each file's whole decoded content, computed by the ingest's parser threads as they inflate it and
 * handed, once parsing has ended, to the digest check running beside the ingest, so that it need not read the files
 * again. Files are named by their position in the walk the ingest and the check share ({@link SharedWalk}): one
 * {@code Walk} instance, never a second walk of the same inputs. A second copy of a file whose content the ingest read
 * already (a root named twice) has no hash here; the check reads it. A file the parse did not
 * decode whole (out of scope, already stored, damaged, over a limit) has no hash here, and once the check has said
 * which files a digest lists, neither has a file no digest lists: its hash is never compared.
 */
public final class DecodedContentHashes {
  private static final DecodedContentHashes NONE = new DecodedContentHashes(false);
  private static final HexFormat HEX = HexFormat.of();
  /** Longs per hash. */
  private static final int LONGS = 4;

  private final boolean collecting;
  /** Until the check has said which files a digest lists: every hash handed over, by walk position. */
  private Map<Integer, ContentHash> byPosition = new HashMap<>();
  /**
   * From then on, the listed files' walk positions, sorted, and their hashes as four longs each (an int, 32 bytes and
   * a bit a listed file: a key object and a map entry each cost about 80 bytes more, at every listed file); a hash of
   * any other file is not kept.
   */
  private int[] listed;
  private long[] listedHashes;
  private BitSet handedOver;
  private final CountDownLatch parseEnded;

  private DecodedContentHashes(boolean collecting) {
    this.collecting = collecting;
    this.parseEnded = new CountDownLatch(collecting ? 1 : 0);
  }

  /** Hashes the parse will fill in; the ingest computes them only for such an instance. */
  public static DecodedContentHashes collecting() {
    return new DecodedContentHashes(true);
  }

  /** No hashes: nothing is computed and nothing is waited for. */
  public static DecodedContentHashes none() {
    return NONE;
  }

  /** True when the parser threads should hash what they decode. */
  public boolean isCollecting() {
    return collecting;
  }

  /**
   * Records the hex SHA-256 of the whole decoded content of the file at a position of the shared walk, unless the
   * check said no digest lists it.
   */
  public synchronized void put(int walkPosition, String sha256) {
    if (!collecting) {
      throw new IllegalStateException("these hashes are not being collected");
    }
    ContentHash hash = ContentHash.of(HEX.parseHex(sha256));
    if (listed == null) {
      byPosition.put(walkPosition, hash);
      return;
    }
    store(walkPosition, hash);
  }

  /** Keeps a listed file's hash; a file no digest lists is left out. */
  private void store(int walkPosition, ContentHash hash) {
    int index = Arrays.binarySearch(listed, walkPosition);
    if (index >= 0) {
      listedHashes[LONGS * index] = hash.first();
      listedHashes[LONGS * index + 1] = hash.second();
      listedHashes[LONGS * index + 2] = hash.third();
      listedHashes[LONGS * index + 3] = hash.fourth();
      handedOver.set(index);
    }
  }

  /**
   * Keeps, from now on, only the hashes of the files a digest lists (by walk position), and drops those of every other
   * file: the check asks for no other.
   */
  public synchronized void keepOnly(int[] walkPositions) {
    if (!collecting || listed != null) {
      return;
    }
    listed = Arrays.stream(walkPositions).sorted().distinct().toArray();
    listedHashes = new long[LONGS * listed.length];
    handedOver = new BitSet(listed.length);
    Map<Integer, ContentHash> before = byPosition;
    byPosition = null;
    before.forEach(this::store);
  }

  /** How many hashes are held now. */
  public synchronized int held() {
    return listed == null ? byPosition.size() : handedOver.cardinality();
  }

  /** Marks the parse as ended (normally or not): waiting readers go on with the hashes there are. */
  public void parseEnded() {
    parseEnded.countDown();
  }

  /**
   * Waits for the parse to end, then gives the hex SHA-256 it computed for the file at a position of the shared walk, if
   * any; none for a file the check did not list in {@link #keepOnly}.
   */
  public Optional<String> awaitHash(int walkPosition) throws InterruptedException {
    if (!collecting) {
      return Optional.empty();
    }
    parseEnded.await();
    ContentHash hash;
    synchronized (this) {
      if (listed == null) {
        hash = byPosition.get(walkPosition);
      } else {
        int index = Arrays.binarySearch(listed, walkPosition);
        hash = index < 0 || !handedOver.get(index) ? null : new ContentHash(true, listedHashes[LONGS * index],
            listedHashes[LONGS * index + 1], listedHashes[LONGS * index + 2], listedHashes[LONGS * index + 3]);
      }
    }
    return hash == null ? Optional.empty() : Optional.of(hash.hex());
  }
}
