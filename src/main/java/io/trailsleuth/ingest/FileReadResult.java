package io.trailsleuth.ingest;

import static java.util.Objects.requireNonNull;

/**
 * What reading one file produced, before deduplication.
 *
 * @param shape the detected export shape
 * @param compression "gzip" or "none"
 * @param decompressedBytes bytes after decompression that were read
 * @param recordsRead records delimited in the file, plus one for an unreadable rest of file
 * @param accepted records handed on as events
 * @param rejected records (or rest of file) rejected
 * @param snapshotItems items of a snapshot file (CLI output, AWS Config file) kept as evidence; 0 for logs
 * @param detail a short note for the manifest, e.g. why the file was skipped
 * @param decodedHash SHA-256 of the file's whole decoded content, when the reader was asked for it and decoded the whole
 *     file without error; else unknown. Kept as four longs, not hex text: the ingest keeps every file's result until
 *     it ends
 */
public record FileReadResult(
    SourceShape shape,
    String compression,
    long decompressedBytes,
    long recordsRead,
    long accepted,
    long rejected,
    long snapshotItems,
    String detail,
    ContentHash decodedHash) {
  public FileReadResult {
    requireNonNull(shape, "shape is null");
    requireNonNull(compression, "compression is null");
    requireNonNull(detail, "detail is null");
    requireNonNull(decodedHash, "decodedHash is null");
    if (recordsRead != accepted + rejected) {
      throw new IllegalArgumentException("records read " + recordsRead + " != accepted " + accepted + " + rejected " + rejected);
    }
  }

  /** The hex SHA-256 of the file's whole decoded content, or empty: see {@link #decodedHash}. */
  public String decodedSha256() {
    return decodedHash.hex();
  }

  /** The file's manifest status before deduplication: ingested, rejected (every record), snapshot or skipped. */
  public String manifestStatus() {
    if (shape.holdsEvents()) {
      return recordsRead > 0 && rejected == recordsRead ? "rejected" : "ingested";
    }
    if (shape.holdsSnapshot() && rejected == 0) {
      return "snapshot";
    }
    return rejected > 0 ? "rejected" : "skipped";
  }
}
