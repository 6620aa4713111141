package io.trailsleuth.integrity;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** Answers which log files a digest file lists, matching S3 keys to local relative paths as {@code verify} does. */
public final class DigestListings {
  private DigestListings() {}

  /** True when the file is a readable digest that lists one of {@code logFiles} (paths relative to the input root). */
  public static boolean listsAny(Path digestFile, String relativePath, Collection<String> logFiles) {
    Optional<Digest> digest;
    try {
      digest = DigestReader.read(digestFile, relativePath);
    } catch (DigestReader.UnreadableDigestException e) {
      return false;
    }
    return digest.isPresent() && digest.get().logFiles().stream()
        .anyMatch(listed -> logFiles.stream().anyMatch(file -> S3Keys.sameObject(listed.s3Object(), file)));
  }
}
