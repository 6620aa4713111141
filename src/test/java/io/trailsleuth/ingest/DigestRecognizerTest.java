package io.trailsleuth.ingest;

import static io.trailsleuth.integrity.TestArchive.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailsleuth.pipeline.TestStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CloudTrail digest is recognised from the decoded bytes without a JSON tree, with exactly the result the streamed
 * read through a tree gives (the reference here): the same shape, reason, byte counts and rejects, for real, large,
 * odd, damaged and random digest-like files.
 */
final class DigestRecognizerTest {
  private static final byte[] DIGEST = fixture("digest/digest.json");
  private static final String TEXT = new String(DIGEST, StandardCharsets.UTF_8).strip();
  private static final String PLAIN_RECORD = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-03T10:05:00Z\","
      + "\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"awsRegion\":\"eu-west-1\","
      + "\"eventID\":\"e-1\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";

  @Test
  void skipsASmallDigestInOneReadWithTheResultOfTheStreamedRead() {
    for (byte[] content : List.of(DIGEST, gzip(DIGEST))) {
      for (String name : List.of("AWSLogs/d.json.gz", "AWSLogs/d.json", "notes/d.txt")) {
        ResetCountingStream raw = new ResetCountingStream(content);
        ReadOutcome recognised = ReadOutcome.read(reader(), raw, name);
        assertThat(recognised).isEqualTo(ReadOutcome.read(reference(), new ByteArrayInputStream(content), name));
        assertThat(raw.resets).as("the file's bytes are read once").isZero();
        assertThat(recognised.result().shape()).isEqualTo(SourceShape.DIGEST);
        assertThat(recognised.result().decompressedBytes()).isEqualTo(DIGEST.length);
        assertThat(recognised.result().recordsRead()).isZero();
        assertThat(recognised.result().detail()).isEqualTo(SourceShape.DIGEST.skippedReason());
      }
    }
  }

  @Test
  void hashesTheDecodedContentOfASkippedDigest() throws Exception {
    SourceReader hashing = SourceReader.hashingDecodedContent(JsonSettings.mapper(), 1L << 30);
    ReadOutcome outcome = ReadOutcome.read(hashing, gzip(DIGEST));
    assertThat(outcome.result().shape()).isEqualTo(SourceShape.DIGEST);
    assertThat(outcome.result().decodedSha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DIGEST)));
  }

  /** Over 64 KiB decoded, or in two gzip members, the streamed read may count fewer bytes: it skips on the stream. */
  @Test
  void skipsALargeOrSplitDigestOnTheTokenStreamWithTheResultOfTheStreamedRead() {
    byte[] large = digestWithLogFiles(400).getBytes(StandardCharsets.UTF_8);
    assertThat(large.length).isGreaterThan(1 << 16);
    byte[] twoMembers = concat(gzip(Arrays.copyOf(DIGEST, 700)), gzip(Arrays.copyOfRange(DIGEST, 700, DIGEST.length)));
    // white space after the object, beyond the streamed read's first 64 KiB or in a second gzip member, is not counted
    byte[] spaced = (TEXT + " ".repeat(1 << 16)).getBytes(StandardCharsets.UTF_8);
    byte[] spacedMember = concat(gzip(DIGEST), gzip(" ".repeat(100).getBytes(StandardCharsets.UTF_8)));
    for (byte[] content : List.of(large, gzip(large), twoMembers, spaced, gzip(spaced), spacedMember)) {
      ResetCountingStream raw = new ResetCountingStream(content);
      ReadOutcome recognised = ReadOutcome.read(reader(), raw, "AWSLogs/d.json.gz");
      assertThat(recognised).isEqualTo(ReadOutcome.read(reference(), content));
      assertThat(recognised.result().shape()).isEqualTo(SourceShape.DIGEST);
      assertThat(raw.resets).as("read again through the stream").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"digestS3Object\":\"a\\qb\",",
      "\"digestS3Object\":\"a\u0001b\",",
      "\"n\":NaN,",
      "\"n\":01,",
      "\"n\":[1,2,",
      "\"n\":{\"a\":1,},",
      "\"digestS3Object\" \"x\",",
      "\"n\":tru,",
      "\"n\":1,,"})
  void rejectsAMalformedDigestWithTheSameReasonAndOffset(String damage) {
    String document = TEXT.replace("\"digestEndTime\"", damage + "\"digestEndTime\"");
    assertRejectedAsBefore(document.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsADigestOverTheParserLimitsWithTheSameReasonAndOffset() {
    String deep = "[".repeat(JsonSettings.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonSettings.MAX_NESTING_DEPTH + 1);
    for (String value : List.of("1".repeat(JsonSettings.MAX_NUMBER_LENGTH + 1),
        "1." + "5".repeat(JsonSettings.MAX_NUMBER_LENGTH), deep,
        "\"" + "a".repeat(JsonSettings.MAX_STRING_LENGTH + 1) + "\"")) {
      assertRejectedAsBefore(TEXT.replace("\"digestEndTime\"", "\"n\":" + value + ",\"digestEndTime\"")
          .getBytes(StandardCharsets.UTF_8));
    }
    String longName = "\"" + "k".repeat(JsonSettings.MAX_NAME_LENGTH + 1) + "\":1,";
    assertRejectedAsBefore(TEXT.replace("\"digestEndTime\"", longName + "\"digestEndTime\"").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsADigestCutShortWithTheSameReasonAndOffset() {
    for (int length = 1; length < DIGEST.length - 2; length += 37) {
      assertRejectedAsBefore(Arrays.copyOf(DIGEST, length));
      byte[] gzipped = gzip(Arrays.copyOf(DIGEST, length));
      assertRejectedAsBefore(gzipped);
    }
    byte[] whole = gzip(DIGEST);
    assertRejectedAsBefore(Arrays.copyOf(whole, whole.length - 100));
  }

  /** What follows the digest object, and a broken gzip trailer, are not read today either: the file is still skipped. */
  @Test
  void skipsWhatTheStreamedReadSkipsAfterTheDigest() {
    byte[] damagedTrailer = gzip(DIGEST);
    damagedTrailer[damagedTrailer.length - 6] ^= 1;
    List<byte[]> contents = List.of(damagedTrailer, (TEXT + "\n" + PLAIN_RECORD + "\n").getBytes(StandardCharsets.UTF_8),
        (TEXT + "garbage").getBytes(StandardCharsets.UTF_8), concat(gzip(DIGEST), "not gzip".getBytes()));
    for (byte[] content : contents) {
      assertSameOutcome(content);
    }
    assertThat(ReadOutcome.read(reader(), damagedTrailer).result().shape()).isEqualTo(SourceShape.DIGEST);
  }

  @Test
  void readsRecordsBesideDigestFieldsAsBefore() {
    String digestFields = "\"digestS3Object\":\"x\",\"digestStartTime\":\"t\",\"logFiles\":[]";
    ReadOutcome records = assertSameOutcome(("{\"Records\":[" + PLAIN_RECORD + "]," + digestFields + "}").getBytes());
    assertThat(records.rows()).hasSize(1);
    assertThat(records.result().shape()).isEqualTo(SourceShape.TRAIL_RECORDS);
    ReadOutcome single = assertSameOutcome(PLAIN_RECORD.replace("}", "," + digestFields + "}").getBytes());
    assertThat(single.rows()).hasSize(1);
    // a tree classifies an object whose Records array is not its first field by its fields: a digest, today as before
    assertSameOutcome(("{\"awsAccountId\":\"1\"," + digestFields + ",\"Records\":[" + PLAIN_RECORD + "]}").getBytes());
    assertSameOutcome(("{\"awsAccountId\":\"1\"," + digestFields + ",\"CloudTrailEvent\":" + PLAIN_RECORD + "}").getBytes());
    assertSameOutcome(("{\"detail-type\":\"x\",\"detail\":" + PLAIN_RECORD + "," + digestFields + "}").getBytes());
    assertSameOutcome(("[" + TEXT + "]").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsADigestInOtherEncodingsAsBefore() {
    for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16,
        Charset.forName("UTF-32LE"))) {
      assertSameOutcome(TEXT.getBytes(charset));
    }
    assertSameOutcome(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, DIGEST));
    assertSameOutcome(concat(new byte[] {(byte) 0xEF, '{', '}'}, DIGEST));
    assertSameOutcome((" \r\n\t" + TEXT).getBytes(StandardCharsets.UTF_8));
  }

  /** Every presence of the fields the digest decision reads, and each type of {@code detail}, first or not. */
  @Test
  void decidesAsTheTreeClassifierForEveryCombinationOfTheFieldsItReads() throws IOException {
    String[] fields = {"\"CloudTrailEvent\":\"{}\"", "\"detail-type\":\"x\"", "\"detail\":{\"a\":1}", "\"detail\":\"x\"",
        "\"digestS3Object\":\"x\"", "\"logFiles\":[{\"a\":[1]}]", "\"digestStartTime\":\"t\""};
    int digests = 0;
    for (int mask = 1; mask < 1 << fields.length; mask++) {
      List<String> present = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        if ((mask & 1 << i) != 0) {
          present.add(fields[i]);
        }
      }
      for (boolean leading : List.of(true, false)) {
        String object = "{" + (leading ? "\"awsAccountId\":\"1\"," : "") + String.join(",", present) + "}";
        boolean expected = SourceShape.classify(JsonSettings.mapper().readTree(object)) == SourceShape.DIGEST;
        try (JsonParser parser = JsonSettings.mapper().getFactory().createParser(object)) {
          parser.nextToken();
          parser.nextToken();
          assertThat(DigestRecognizer.readsAsDigest(parser)).as(object).isEqualTo(expected);
          assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        }
        digests += expected ? 1 : 0;
      }
    }
    assertThat(digests).isGreaterThan(20);
  }

  /** Random objects built from the names the decision reads, with random values, framing and damage. */
  @Test
  void readsRandomDigestLikeFilesAsTheStreamedRead() {
    String[] names = {"awsAccountId", "digestS3Object", "logFiles", "digestStartTime", "CloudTrailEvent", "detail-type",
        "detail", "Records", "Events", "eventTime", "eventName", "configurationItems", "Grants", "x"};
    String[] values = {"\"v\"", "1", "-2.5e3", "null", "true", "[]", "{}", "[{\"s3Object\":\"o\",\"hashValue\":\"h\"}]",
        "{\"a\":{\"b\":[1,\"\\u00e9\"]}}", PLAIN_RECORD, "\"" + PLAIN_RECORD.replace("\"", "\\\"") + "\"", "[" + PLAIN_RECORD + "]"};
    String[] damage = {"", "", "", "", "{", "}", "]", ",", "\"", "\\", ":", "\u00e9", "\n"};
    SplittableRandom random = new SplittableRandom(7);
    int digests = 0;
    for (int round = 0; round < 1500; round++) {
      StringBuilder object = new StringBuilder("{");
      int count = 1 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        object.append(i == 0 ? "" : ",").append('"').append(names[random.nextInt(names.length)]).append("\":")
            .append(values[random.nextInt(values.length)]);
      }
      object.append('}');
      String document = random.nextInt(4) == 0 ? object + "\n" + PLAIN_RECORD : object.toString();
      int at = random.nextInt(document.length() + 1);
      document = document.substring(0, at) + damage[random.nextInt(damage.length)] + document.substring(at);
      byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
      ReadOutcome outcome = assertSameOutcome(random.nextBoolean() ? bytes : gzip(bytes));
      digests += outcome.result().shape() == SourceShape.DIGEST ? 1 : 0;
    }
    assertThat(digests).as("random files read as digests").isGreaterThan(100);
  }

  private static void assertRejectedAsBefore(byte[] content) {
    ReadOutcome outcome = assertSameOutcome(content);
    assertThat(outcome.rejects()).as("the streamed read rejects it").isNotEmpty();
  }

  private static ReadOutcome assertSameOutcome(byte[] content) {
    ReadOutcome recognised = ReadOutcome.read(reader(), content);
    assertThat(recognised).as(abbreviated(content)).isEqualTo(ReadOutcome.read(reference(), content));
    return recognised;
  }

  private static String abbreviated(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }

  private static SourceReader reader() {
    return new SourceReader(JsonSettings.mapper(), 1L << 30);
  }

  /** Streams every file through Jackson and classifies other JSON through a tree, as before digests were recognised. */
  private static SourceReader reference() {
    return new SourceReader(JsonSettings.mapper(), 1L << 30, false);
  }

  private static String digestWithLogFiles(int count) {
    StringBuilder logFiles = new StringBuilder();
    for (int i = 0; i < count; i++) {
      logFiles.append(i == 0 ? "" : ",").append("{\"s3Bucket\":\"org-trail-bucket\",\"s3Object\":\"AWSLogs/210987654321/")
          .append("CloudTrail/eu-west-1/2025/03/04/210987654321_CloudTrail_eu-west-1_20250304T0900Z_").append(i)
          .append(".json.gz\",\"hashValue\":\"").append("%064x".formatted(i)).append("\",\"hashAlgorithm\":\"SHA-256\"}");
    }
    return TEXT.substring(0, TEXT.indexOf("\"logFiles\"")) + "\"logFiles\":[" + logFiles + "]}";
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] fixture(String relative) {
    try {
      return Files.readAllBytes(TestStores.fixture(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a file in memory, counting how often the reader goes back to their start. */
  private static final class ResetCountingStream extends ByteArrayInputStream {
    int resets;

    ResetCountingStream(byte[] content) {
      super(content);
    }

    @Override
    public synchronized void reset() {
      resets++;
      super.reset();
    }
  }
}
