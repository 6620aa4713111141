package io.trailsleuth.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The SHA-256 of each file's whole decoded content, computed by the ingest's parser threads as they inflate it and
 * handed, once parsing has ended, to the digest check running beside the ingest, so that it need not read the files
 * again. A file the parse did not decode whole (out of scope, already stored, damaged, over a limit) has no hash here,
 * and once the check has said which copies a digest lists, neither has a file no digest lists: its hash is never
 * compared.
 */
public final class DecodedContentHashes {
  private static final DecodedContentHashes NONE = new DecodedContentHashes(false);
  private static final HexFormat HEX = HexFormat.of();

  private final boolean collecting;
  /**
   * By copy (input root and relative path, the strings the walk made): a {@code Path} key per file cost about 200 bytes
   * more, which counted at 300,000 files. The 32 bytes of each hash, not its 64-character hex text (about 100 bytes).
   */
  private Map<RootedPath, byte[]> byCopy = new HashMap<>();
  /**
   * False until the check has said which copies a digest lists: from then on {@link #byCopy} holds a key for each of
   * those alone (its value null until the parse hands over the hash) and a hash of any other copy is not kept.
   */
  private boolean listedOnly;
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

  /** Records the hex SHA-256 of the whole decoded content of a file, unless the check said no digest lists it. */
  public synchronized void put(SourceFile file, String sha256) {
    if (!collecting) {
      throw new IllegalStateException("these hashes are not being collected");
    }
    RootedPath copy = RootedPath.of(file);
    if (!listedOnly || byCopy.containsKey(copy)) {
      byCopy.put(copy, HEX.parseHex(sha256));
    }
  }

  /**
   * Keeps, from now on, only the hashes of the copies a digest lists (by input root and relative path), and drops
   * those of every other copy: the check asks for no other.
   */
  public synchronized void keepOnly(Collection<RootedPath> listed) {
    if (collecting && !listedOnly) {
      listedOnly = true;
      Map<RootedPath, byte[]> kept = new HashMap<>();
      listed.forEach(copy -> kept.put(copy, byCopy.get(copy)));
      byCopy = kept;
    }
  }

  /** How many hashes are held now. */
  public synchronized int held() {
    return (int) byCopy.values().stream().filter(Objects::nonNull).count();
  }

  /** Marks the parse as ended (normally or not): waiting readers go on with the hashes there are. */
  public void parseEnded() {
    parseEnded.countDown();
  }

  /**
   * Waits for the parse to end, then gives the hex SHA-256 it computed for a file (by input root and path), if any;
   * none for a copy the check did not list in {@link #keepOnly}.
   */
  public Optional<String> awaitHash(SourceFile file) throws InterruptedException {
    if (!collecting) {
      return Optional.empty();
    }
    parseEnded.await();
    byte[] hash;
    synchronized (this) {
      hash = byCopy.get(RootedPath.of(file));
    }
    return hash == null ? Optional.empty() : Optional.of(HEX.formatHex(hash));
  }
}
