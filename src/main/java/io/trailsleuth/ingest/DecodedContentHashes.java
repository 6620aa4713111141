package io.trailsleuth.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The SHA-256 of each file's whole decoded content, computed by the ingest's parser threads as they inflate it and
 * handed, once parsing has ended, to the digest check running beside the ingest, so that it need not read the files
 * again. A file the parse did not decode whole (out of scope, already stored, damaged, over a limit) has no hash here.
 */
public final class DecodedContentHashes {
  private static final DecodedContentHashes NONE = new DecodedContentHashes(false);

  private final boolean collecting;
  /**
   * By copy (input root and relative path, the strings the walk made): a {@code Path} key per file cost about 200 bytes
   * more, which counted at 300,000 files.
   */
  private final Map<RootedPath, String> byCopy = new ConcurrentHashMap<>();
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

  /** Records the hash of the whole decoded content of a file. */
  public void put(SourceFile file, String sha256) {
    if (!collecting) {
      throw new IllegalStateException("these hashes are not being collected");
    }
    byCopy.put(RootedPath.of(file), sha256);
  }

  /** Marks the parse as ended (normally or not): waiting readers go on with the hashes there are. */
  public void parseEnded() {
    parseEnded.countDown();
  }

  /** Waits for the parse to end, then gives the hash it computed for a file (by input root and path), if any. */
  public Optional<String> awaitHash(SourceFile file) throws InterruptedException {
    if (!collecting) {
      return Optional.empty();
    }
    parseEnded.await();
    return Optional.ofNullable(byCopy.get(RootedPath.of(file)));
  }
}
