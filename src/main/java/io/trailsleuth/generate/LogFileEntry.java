package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A written log file as its digest lists it.
 *
 * @param key the S3 key, from AWSLogs/
 * @param sha256 hex SHA-256 of the decompressed content
 * @param oldestEvent the earliest event time in the file
 * @param newestEvent the latest event time in the file
 * @param records how many records the file holds
 */
record LogFileEntry(String key, String sha256, Instant oldestEvent, Instant newestEvent, int records) {
  LogFileEntry {
    requireNonNull(key, "key is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(oldestEvent, "oldestEvent is null");
    requireNonNull(newestEvent, "newestEvent is null");
  }
}
