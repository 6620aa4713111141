package io.trailsleuth.integrity;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Answers which log files a digest file lists, matching S3 keys to local relative paths as {@code verify} does. */
public final class DigestListings {
  private DigestListings() {}

  /**
   * Those of {@code logFiles} (paths relative to the input root) that the file lists; none when it is not a readable
   * digest.
   */
  public static Set<String> listed(Path digestFile, String relativePath, Collection<String> logFiles) {
    Optional<Digest> digest;
    try {
      digest = DigestReader.read(digestFile, relativePath);
    } catch (DigestReader.UnreadableDigestException e) {
      return Set.of();
    }
    Set<String> listed = new TreeSet<>();
    digest.ifPresent(d -> d.logFiles().forEach(entry -> logFiles.stream()
        .filter(file -> S3Keys.sameObject(entry.s3Object(), file)).forEach(listed::add)));
    return listed;
  }
}
