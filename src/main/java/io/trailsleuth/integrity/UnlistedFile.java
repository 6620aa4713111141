package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

/**
 * A local log file no digest in the archive lists; it cannot be verified.
 *
 * @param path the file's path relative to its input root
 * @param digestCoversWindow true when a digest for its account, region and hour is present but does not list it
 * @param explanation why that may be legitimate, in words
 */
public record UnlistedFile(String path, boolean digestCoversWindow, String explanation) {
  public UnlistedFile {
    requireNonNull(path, "path is null");
    requireNonNull(explanation, "explanation is null");
  }
}
