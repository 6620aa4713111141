package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/**
 * Where the stored version of a cited event was read: the report, the findings JSON and the evidence pack all cite it.
 *
 * @param eventId the event
 * @param source the copy of the file it was read from
 * @param offset where the record (or the string or envelope that holds it) starts in the decompressed file; null when
 *     the store was written before positions were kept
 * @param length how many decompressed bytes it takes; null likewise
 */
public record CitedSource(String eventId, SourceCopy source, Long offset, Long length) {
  public CitedSource {
    requireNonNull(eventId, "eventId is null");
    requireNonNull(source, "source is null");
  }
}
