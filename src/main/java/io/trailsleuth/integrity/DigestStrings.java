package io.trailsleuth.integrity;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The strings digests repeat, held once while an archive's digests are read: a digest's key is usually its own
 * relative path, its link back names the digest read before it (its key and the SHA-256 of its content), and accounts,
 * buckets and key fingerprints are few. Each digest is held until the check ends, so an archive of 133,000 digests
 * held every such value twice over (about 1.8 KB a digest, which ran the launcher's heap out).
 */
final class DigestStrings {
  private final UnaryOperator<String> logFileKeys;
  /** Accounts, buckets and public key fingerprints. */
  private final Map<String, String> sharedValues = new HashMap<>();
  /** The digests read so far, by the key they record. */
  private final Map<String, Digest> byKey = new HashMap<>();

  /**
   * @param logFileKeys gives, for a listed log file's key, an equal string already held (a local file's relative
   *     path), or the key itself
   */
  DigestStrings(UnaryOperator<String> logFileKeys) {
    this.logFileKeys = logFileKeys;
  }

  /** Nothing shared but within one digest. */
  static DigestStrings none() {
    return new DigestStrings(UnaryOperator.identity());
  }

  /** The string held for a listed log file's key. */
  String logFileKey(String key) {
    return logFileKeys.apply(key);
  }

  /** The one instance of an account ID, bucket or key fingerprint. */
  String shared(String value) {
    return sharedValues.computeIfAbsent(value, v -> v);
  }

  /** The digest read before that records this key, or null. */
  Digest digestRecording(String key) {
    return byKey.get(key);
  }

  /** Remembers a digest just read, for the digests that link back to it. */
  void add(Digest digest) {
    if (!digest.s3Object().isEmpty()) {
      byKey.putIfAbsent(digest.s3Object(), digest);
    }
  }
}
