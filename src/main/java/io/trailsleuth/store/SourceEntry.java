package io.trailsleuth.store;

import static java.util.Objects.requireNonNull;

/**
 * One row of the manifest ({@code sources} table) for a file of this run.
 *
 * @param inputRoot the root as the user named it
 * @param sourceFile path relative to the root
 * @param sizeBytes size on disk
 * @param sha256 hex SHA-256 of the bytes on disk, or "" when the file could not be read
 * @param decompressedBytes bytes after decompression
 * @param compression "gzip" or "none"
 * @param shape detected export shape label
 * @param status ingested, skipped, rejected or unreadable
 * @param recordsRead records read, including rejects
 * @param stored records stored as new events
 * @param duplicates records whose event the store already held or that repeated one in this run
 * @param rejected records rejected
 * @param firstEventMicros earliest event time, or null
 * @param lastEventMicros latest event time, or null
 * @param detail a short note
 */
public record SourceEntry(
    String inputRoot,
    String sourceFile,
    long sizeBytes,
    String sha256,
    long decompressedBytes,
    String compression,
    String shape,
    String status,
    long recordsRead,
    long stored,
    long duplicates,
    long rejected,
    Long firstEventMicros,
    Long lastEventMicros,
    String detail) {
  public SourceEntry {
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(compression, "compression is null");
    requireNonNull(shape, "shape is null");
    requireNonNull(status, "status is null");
    requireNonNull(detail, "detail is null");
    if (recordsRead != stored + duplicates + rejected) {
      throw new IllegalArgumentException(sourceFile + ": read " + recordsRead + " != stored " + stored
          + " + duplicates " + duplicates + " + rejected " + rejected);
    }
  }
}
