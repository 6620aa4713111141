package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

/**
 * A local log file no digest in the archive lists; it cannot be verified.
 *
 * @param path the file's path relative to its input root
 * @param digestCoversWindow true when a digest for its account, region and hour is present but does not list it
 */
public record UnlistedFile(String path, boolean digestCoversWindow) {
  private static final String LISTED_ELSEWHERE = "a digest for this account, region and hour is present but does not"
      + " list this file: it may be listed by a later or backfill digest that is not in the archive, or it was added to"
      + " the archive afterwards";
  private static final String NOT_COVERED = "no digest in the archive covers this window; that is legitimate when the"
      + " digests for it were not downloaded or log file validation was off, but the file cannot be verified";

  public UnlistedFile {
    requireNonNull(path, "path is null");
  }

  /** Why that may be legitimate, in words: one of two sentences, by whether a digest covers the file's window. */
  public String explanation() {
    return digestCoversWindow ? LISTED_ELSEWHERE : NOT_COVERED;
  }
}
