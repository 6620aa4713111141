package io.trailsleuth.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Finds the local digest an S3 key names: where it is found first, else a digest recording that key (moved). */
final class DigestIndex {
  private final Map<String, List<Digest>> byFileName = new TreeMap<>();
  private final Map<String, Digest> byRecordedKey = new TreeMap<>();

  DigestIndex(List<Digest> digests) {
    for (Digest digest : digests) {
      byFileName.computeIfAbsent(S3Keys.fileName(digest.relativePath()), name -> new ArrayList<>()).add(digest);
      if (!digest.s3Object().isEmpty()) {
        byRecordedKey.putIfAbsent(digest.s3Object(), digest);
      }
    }
  }

  /** The digest stored at the key, or else one that records the key as its own. */
  Optional<Digest> find(String s3Key) {
    Optional<Digest> atKey = byFileName.getOrDefault(S3Keys.fileName(s3Key), List.of()).stream()
        .filter(digest -> S3Keys.sameObject(s3Key, digest.relativePath())).findFirst();
    return atKey.isPresent() ? atKey : Optional.ofNullable(byRecordedKey.get(s3Key));
  }

  /** The digest this one links back to, when its link is set and the digest is in the archive. */
  Optional<Digest> previousOf(Digest digest) {
    return digest.previousS3Object().flatMap(this::find);
  }
}
