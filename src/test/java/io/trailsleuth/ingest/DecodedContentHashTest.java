package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.integrity.TestArchive;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** The SHA-256 a reader computes of a file's decoded bytes: java.util.zip's bytes exactly, or none at all. */
class DecodedContentHashTest {
  private static final long LIMIT = 1 << 20;
  private static final byte[] RECORDS = records(40);

  private static FileReadResult read(SourceReader reader, byte[] file) {
    return reader.read(new ByteArrayInputStream(file), "AWSLogs/log.json.gz", "0".repeat(64), new DiscardingSink());
  }

  private static FileReadResult readHashing(byte[] file, long limit) {
    return read(SourceReader.hashingDecodedContent(JsonSettings.mapper(), limit), file);
  }

  @Test
  void hashesTheDecodedBytesOfAGzipFileAsJavaUtilZipDecodesThem() {
    byte[] file = gzip(RECORDS);

    assertThat(readHashing(file, LIMIT).decodedSha256()).isEqualTo(sha256(gunzip(file))).isEqualTo(sha256(RECORDS));
  }

  @Test
  void hashesEveryMemberOfAGzipFileOfSeveralMembers() {
    byte[] file = concat(gzip(Arrays.copyOf(RECORDS, 1000)), gzip(Arrays.copyOfRange(RECORDS, 1000, RECORDS.length)));

    assertThat(readHashing(file, LIMIT).decodedSha256()).isEqualTo(sha256(gunzip(file))).isEqualTo(sha256(RECORDS));
  }

  @Test
  void hashesAFileThatIsNotCompressedAsItIs() {
    assertThat(readHashing(RECORDS, LIMIT).decodedSha256()).isEqualTo(sha256(RECORDS));
  }

  @Test
  void hashesAFileTheScannerLeavesToJackson() {
    String line = "{\"eventVersion\":\"1.08\",\"eventID\":\"ID\",\"eventTime\":\"2024-03-05T10:00:00Z\",\"eventName\":\"GetRole\"}\n";
    byte[] lines = (line.replace("ID", "a") + line.replace("ID", "b")).getBytes(StandardCharsets.UTF_8);
    FileReadResult result = readHashing(gzip(lines), LIMIT);

    assertThat(result.shape()).isEqualTo(SourceShape.JSON_LINES);
    assertThat(result.decodedSha256()).isEqualTo(sha256(lines));
  }

  @Test
  void givesNoHashForAGzipFileDamagedHalfway() {
    byte[] file = gzip(RECORDS);
    for (int i = file.length / 2; i < file.length / 2 + 16; i++) {
      file[i] ^= 0x55;
    }

    FileReadResult result = readHashing(file, LIMIT);

    assertThat(result.rejected()).isPositive();
    assertThat(result.decodedSha256()).isEmpty();
  }

  @Test
  void givesNoHashForBytesAfterTheLastGzipMember() {
    byte[] file = concat(gzip(RECORDS), "appended".getBytes(StandardCharsets.UTF_8));

    assertThat(readHashing(file, LIMIT).decodedSha256()).isEmpty();
  }

  @Test
  void givesNoHashWhenTheDecompressionLimitStopsTheRead() {
    FileReadResult result = readHashing(gzip(RECORDS), RECORDS.length - 1);

    assertThat(result.rejected()).isPositive();
    assertThat(result.decodedSha256()).isEmpty();
  }

  @Test
  void givesNoHashForAGzipHeaderChecksumItDoesNotCheck() {
    byte[] file = gzipWithHeaderChecksum(RECORDS, 0);

    FileReadResult result = readHashing(file, LIMIT);

    // java.util.zip rejects the wrong header CRC that the ingest skips: the digest check must read such a file itself
    assertThatThrownBy(() -> gunzip(file)).hasCauseInstanceOf(ZipException.class);
    assertThat(result.accepted()).isEqualTo(40);
    assertThat(result.decodedSha256()).isEmpty();
  }

  @Test
  void theIngestAloneDoesNotHash() {
    FileReadResult result = read(new SourceReader(JsonSettings.mapper(), LIMIT), gzip(RECORDS));

    assertThat(result.accepted()).isEqualTo(40);
    assertThat(result.decodedSha256()).isEmpty();
  }

  @Test
  void aReaderHashesEachFileAfreshAfterOneItCouldNotHash() {
    SourceReader reader = SourceReader.hashingDecodedContent(JsonSettings.mapper(), LIMIT);
    byte[] damaged = gzip(RECORDS);
    damaged[damaged.length - 5] ^= 1;

    assertThat(read(reader, damaged).decodedSha256()).isEmpty();
    assertThat(read(reader, gzip(RECORDS)).decodedSha256()).isEqualTo(sha256(RECORDS));
  }

  private static byte[] records(int count) {
    StringBuilder json = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-05T10:00:")
          .append(String.format("%02d", i)).append("Z\",\"eventName\":\"GetRole\",\"eventID\":\"event-").append(i)
          .append("\",\"eventSource\":\"iam.amazonaws.com\",\"awsRegion\":\"us-east-1\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One gzip member whose header carries the FHCRC flag and the given (wrong) CRC-16. */
  private static byte[] gzipWithHeaderChecksum(byte[] content, int headerCrc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2, 0, 0, 0, 0, 0, (byte) 0xff, (byte) headerCrc, 0});
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(content);
    deflater.finish();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(content);
    writeIntLittleEndian(out, crc.getValue());
    writeIntLittleEndian(out, content.length);
    return out.toByteArray();
  }

  private static void writeIntLittleEndian(ByteArrayOutputStream out, long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  private static byte[] gzip(byte[] content) {
    return TestArchive.gzip(content);
  }

  private static byte[] gunzip(byte[] file) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Drops what it is given: these tests look at the read's result only. */
  private static final class DiscardingSink implements EventSink {
    @Override
    public void accept(EventRow row) {}

    @Override
    public void reject(Reject reject) {}

    @Override
    public void snapshot(SnapshotItem item) {}
  }
}
