package io.trailsleuth.evidence;

import io.trailsleuth.ingest.DecodedStreams;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads a cited record's bytes from its source file at the position the ingest kept, without parsing the file, after
 * checking that the file still has the SHA-256 the store recorded (read-only; the file is never changed).
 */
final class SourceRecordReader {
  private SourceRecordReader() {}

  /** The decoded bytes {@code [offset, offset + length)} of the file; fails when it changed since the ingest. */
  static byte[] read(Path file, String expectedSha256, long offset, long length) throws EvidenceException {
    try {
      String actual = PackManifest.sha256(file);
      if (!actual.equals(expectedSha256)) {
        throw new EvidenceException(file + " changed since it was ingested (SHA-256 " + actual + ", the store "
            + "recorded " + expectedSha256 + "); restore it, or ingest it again into a new store");
      }
      try (InputStream raw = Files.newInputStream(file); InputStream decoded = DecodedStreams.open(raw)) {
        decoded.skipNBytes(offset);
        byte[] span = decoded.readNBytes(Math.toIntExact(length));
        if (span.length != length) {
          throw new EOFException();
        }
        return span;
      }
    } catch (NoSuchFileException e) {
      throw new EvidenceException(file + " is gone: the pack reads the cited records from the files the store was made "
          + "from, at the path they were ingested from");
    } catch (EOFException e) {
      throw new EvidenceException(file + " ends before the record at byte " + offset + " (" + length + " bytes)");
    } catch (IOException | ArithmeticException e) {
      throw new EvidenceException("cannot read " + file + ": " + e.getMessage());
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
