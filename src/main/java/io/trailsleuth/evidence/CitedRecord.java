package io.trailsleuth.evidence;

import static java.util.Objects.requireNonNull;

/**
 * Where the stored version of a cited event stands in its source.
 *
 * @param eventId the event
 * @param inputRoot the input root the file was read under
 * @param sourceFile the file, relative to its input root
 * @param sourceSha256 the file's SHA-256 at ingest
 * @param offset where the record (or the string or envelope that holds it) starts in the decompressed file; null when
 *     the store was written before positions were kept
 * @param length how many decompressed bytes it takes; null likewise
 */
record CitedRecord(String eventId, String inputRoot, String sourceFile, String sourceSha256, Long offset, Long length) {
  CitedRecord {
    requireNonNull(eventId, "eventId is null");
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sourceSha256, "sourceSha256 is null");
  }
}
