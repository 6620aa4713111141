package io.trailsleuth.evidence;

import io.trailsleuth.ingest.DecodedStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a cited record's bytes from its source file at the position the ingest kept, without parsing the file, and
 * checks that the file still has the SHA-256 the store recorded (read-only; the file is never changed).
 */
final class SourceRecordReader {
  private SourceRecordReader() {}

  /** The decoded bytes {@code [offset, offset + length)} of the file; fails when it changed since the ingest. */
  static byte[] read(Path file, String expectedSha256, long offset, long length) throws EvidenceException {
    MessageDigest digest = sha256();
    byte[] span;
    try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
        InputStream decoded = DecodedStreams.open(raw)) {
      decoded.skipNBytes(offset);
      span = decoded.readNBytes(Math.toIntExact(length));
      decoded.transferTo(OutputStream.nullOutputStream());
      raw.transferTo(OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw new EvidenceException(file + " is gone: the pack needs the source files the store was made from");
    } catch (java.io.EOFException e) {
      throw new EvidenceException(file + " ends before the record at byte " + offset + "; was it truncated since the ingest?");
    } catch (IOException | ArithmeticException e) {
      throw new EvidenceException("cannot read " + file + ": " + e.getMessage());
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expectedSha256)) {
      throw new EvidenceException(file + " changed since it was ingested (SHA-256 " + actual + ", the store recorded "
          + expectedSha256 + "); ingest it again or restore it");
    }
    if (span.length != length) {
      throw new EvidenceException(file + " ends before the record at byte " + offset + " (" + length + " bytes)");
    }
    return span;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
