package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level scan reads every file exactly as Jackson's token stream does: the same rows, rejects, byte offsets
 * and counts, for ordinary, odd, damaged and randomly mutated {@code Records} files.
 */
class RecordsScannerTest {
  private static final String PLAIN = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
      + "\"principalId\":\"AROAX:s\",\"arn\":\"arn:aws:sts::1:assumed-role/r/s\",\"accountId\":\"111122223333\","
      + "\"accessKeyId\":\"ASIAX\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\","
      + "\"arn\":\"arn:aws:iam::1:role/r\",\"accountId\":\"111122223333\",\"userName\":\"r\"},\"webIdFederationData\":{},"
      + "\"attributes\":{\"creationDate\":\"2026-03-03T10:00:00Z\",\"mfaAuthenticated\":\"false\"}}},"
      + "\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\","
      + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"lambda.amazonaws.com\",\"userAgent\":\"lambda.amazonaws.com\","
      + "\"errorCode\":\"AccessDenied\",\"requestParameters\":{\"encryptionContext\":{\"k\":\"v\"},\"n\":[1,-2,true,null]},"
      + "\"responseElements\":null,\"requestID\":\"r-1\",\"eventID\":\"e-1\",\"readOnly\":true,"
      + "\"resources\":[{\"accountId\":\"1\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"arn:aws:kms:eu-west-1:1:key/k\"}],"
      + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
      + "\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\"},"
      + "\"sessionCredentialFromConsole\":\"true\"}";

  @Test
  void readsTheMemberNamesOfAFirstObjectAndWhichValuesAreObjects() {
    RecordsScanner scanner = new RecordsScanner();
    byte[] document = " {\"a\":[1,{\"x\":\"y\"}],\"caf\u00e9\":{\"b\":null},\"a\":\"\\u0041\"} trailing [".getBytes(StandardCharsets.UTF_8);
    assertThat(scanner.scanFirstObject(document, document.length)).isTrue();
    assertThat(scanner.memberCount()).isEqualTo(3);
    assertThat(List.of(scanner.memberName(0), scanner.memberName(1), scanner.memberName(2)))
        .containsExactly("a", "caf\u00e9", "a");
    assertThat(List.of(scanner.memberIsObject(0), scanner.memberIsObject(1), scanner.memberIsObject(2)))
        .containsExactly(false, true, false);
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(scanner.scanFirstObject(empty, empty.length)).isTrue();
    assertThat(scanner.memberCount()).isZero();
  }

  /** Escaped names, other values, invalid JSON and a document cut short are left to Jackson. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"\\u0061\":1}", "[{\"a\":1}]", "\"a\"", "{\"a\":01}", "{\"a\":1,}", "{\"a\":[1}",
      "{\"a\":1", "{\"a\" 1}", "\uFEFF{\"a\":1}", ""})
  void leavesToJacksonAFirstValueItDoesNotVouchFor(String text) {
    RecordsScanner scanner = new RecordsScanner();
    byte[] document = text.getBytes(StandardCharsets.UTF_8);
    assertThat(scanner.scanFirstObject(document, document.length)).isFalse();
    assertThat(scanner.memberCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      PLAIN,
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00.123+02:00\",\"eventName\":\"A\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"yesterday\",\"eventName\":\"A\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventID\":\"x\"}",
      "{\"eventName\":\"A\",\"eventID\":\"x\"}",
      "{}",
      "{\"unknown\":1,\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"addendum\":{\"reason\":\"r\"}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventName\":\"B\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":null,\"eventName\":\"B\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\\nB \\u00e9 \\ud83d\\ude00\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"caf\u00e9 \ud83d\ude00\",\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":12,\"eventID\":\"x\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"readOnly\":\"TRUE\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"readOnly\":\"maybe\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"readOnly\":1}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"requestParameters\":{\"a\" : 1}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"requestParameters\":{\"a\":1.50}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"requestParameters\":[-0,0,1e3]}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"requestParameters\":"
          + "{\"doc\":\"{\\\"Version\\\":\\\"2012\\\"}\\n\\t\\u001F\\u001f\\u0008\\/\\u00e9\"}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"requestParameters\":"
          + "{\"a\":1,\"a\":2,\"\\u0062\":\"esc name\"}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"requestParameters\":\"text\","
          + "\"responseElements\":17,\"resources\":true,\"serviceEventDetails\":123456789012345678901234567890}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":\"text\"}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":"
          + "{\"type\":\"a\",\"type\":\"b\"}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":"
          + "{\"x\":[{\"arn\":\"inner\"},{\"arn\":\"second\",\"arn\":\"dup\"}],\"arn\":\"outer\"}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":"
          + "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":true}},\"arn\":true}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":"
          + "{\"sessionContext\":\"text\",\"userName\":\"u\\u0041\"}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":"
          + "{\"sessionContext\":{\"sessionIssuer\":[\"arn\"]}}}",
      "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"userIdentity\":"
          + "{ \"arn\": \"spaced\" }}",
      " { \"eventTime\" : \"2026-03-03T10:05:00Z\" , \"eventName\" : \"A\" , \"eventID\" : \"x\" } ",
      "{\"Records\":[]}",
      "{\"detail\":{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\"},\"detail-type\":\"AWS API Call via CloudTrail\"}"})
  void readsEachRecordAsTheStreamingExtractor(String record) throws IOException {
    assertSameOutcome(("{\"Records\":[" + PLAIN + "," + record + "," + PLAIN + "]}").getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "   ",
      "{\"Records\":[]}",
      "{\"Records\":[] }\n",
      "{\"Records\":[" + PLAIN + "]}{\"Records\":[]}",
      "{\"Records\":[" + PLAIN + "],\"more\":1}",
      "{\"Events\":[" + PLAIN + "]}",
      "[" + PLAIN + "]",
      PLAIN,
      PLAIN + "\n" + PLAIN + "\n",
      "{\"Records\":[" + PLAIN + ",]}",
      "{\"Records\":[" + PLAIN + "",
      "{\"Records\":[" + PLAIN + "," + PLAIN + "]",
      "{\"Records\":[1,\"x\"," + PLAIN + "]}",
      "{\"Records\":{}}",
      "{\"Records\":[{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"n\":01}]}",
      "{\"Records\":[{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\u0001\",\"eventID\":\"x\"}]}",
      "{\"Records\":[{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\\x\",\"eventID\":\"x\"}]}",
      "{\"Records\":[{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"n\":truex}]}",
      "{\"Records\":[{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\",\"n\":NaN}]}",
      "\uFEFF{\"Records\":[" + PLAIN + "]}"})
  void readsEachDocumentAsTheStreamingReader(String document) throws IOException {
    assertSameOutcome(document.getBytes(StandardCharsets.UTF_8));
  }

  /** Jackson refuses a name over its length limit wherever it is: in a JSON column, in userIdentity, at the top. */
  @Test
  void readsNamesOverJacksonsLengthLimitAsTheStreamingReader() throws IOException {
    String longName = "\"" + "k".repeat(JsonSettings.MAX_NAME_LENGTH + 1) + "\"";
    String longMultiByteName = "\"" + "\u00e9".repeat(JsonSettings.MAX_NAME_LENGTH / 2 + 1) + "\"";
    for (String name : List.of(longName, longMultiByteName)) {
      for (String record : List.of(PLAIN.replace("\"encryptionContext\"", name),
          PLAIN.replace("\"webIdFederationData\"", name), PLAIN.replace("\"eventVersion\"", name))) {
        assertSameOutcome(("{\"Records\":[" + PLAIN + "," + record + "]}").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void readsInvalidUtf8AsTheStreamingReader() throws IOException {
    for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(("{\"Records\":[" + PLAIN + ",{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventID\":\"x\",\"eventName\":\"")
          .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(bad);
      out.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
      assertSameOutcome(out.toByteArray());
    }
  }

  /** Random damage to a file of odd records: inserted, deleted and replaced bytes, and files cut short. */
  @Test
  void readsRandomlyDamagedFilesAsTheStreamingReader() throws IOException {
    String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "\\u00", "\\\"", "1", "-", ".", "e", "null",
        "true", "\"eventName\"", "\"userIdentity\"", "\"x\"", "\u00e9", "\ud83d\ude00"};
    StringBuilder records = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < 6; i++) {
      records.append(i == 0 ? "" : ",").append(PLAIN.replace("e-1", "e-" + i));
    }
    byte[] base = records.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    SplittableRandom random = new SplittableRandom(13);
    int scanned = 0;
    for (int round = 0; round < 2000; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = random.nextInt(base.length);
      int cut = random.nextInt(4);
      out.write(base, 0, at);
      if (cut == 0) {
        // cut short
      } else {
        if (cut != 1) {
          out.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
        }
        int skip = cut == 3 ? 0 : random.nextInt(3);
        out.write(base, Math.min(base.length, at + skip), base.length - Math.min(base.length, at + skip));
      }
      byte[] document = out.toByteArray();
      if (assertSameOutcome(document)) {
        scanned++;
      }
    }
    // most damage leaves valid JSON in a value the scan reads; the test must exercise the scan, not only the fallback
    assertThat(scanned).isGreaterThan(200);
  }

  /**
   * Random nested values (objects, arrays, scalars, white space, repeated and escaped names, nesting past the depth
   * limit) in a JSON column and inside userIdentity, on and off the identity columns' paths: the scan's walk over
   * them reads each record as Jackson does.
   */
  @Test
  void readsRandomNestedValuesAsTheStreamingReader() throws IOException {
    SplittableRandom random = new SplittableRandom(29);
    int scanned = 0;
    for (int round = 0; round < 1500; round++) {
      int depth = random.nextInt(8) == 0 ? 170 : 5;
      String identity = "{\"type\":\"AssumedRole\",\"" + (random.nextBoolean() ? "sessionContext" : "x")
          + "\":{\"attributes\":" + randomValue(random, depth) + ",\"sessionIssuer\":" + randomValue(random, 3)
          + "},\"arn\":" + randomValue(random, 1) + "}";
      String record = "{\"eventTime\":\"2026-03-03T10:05:00Z\",\"eventName\":\"A\",\"eventID\":\"x\","
          + "\"requestParameters\":" + randomValue(random, depth) + ",\"userIdentity\":" + identity + "}";
      if (assertSameOutcome(("{\"Records\":[" + PLAIN + "," + record + "]}").getBytes(StandardCharsets.UTF_8))) {
        scanned++;
      }
    }
    assertThat(scanned).isGreaterThan(700);
  }

  /** A random JSON value nested at most {@code depth} levels deep. */
  private static String randomValue(SplittableRandom random, int depth) {
    // the last name and scalars are rare: each makes the record one the scan leaves to Jackson
    String[] names = {"a", "b", "arn", "type", "userName", "mfaAuthenticated", "creationDate", "\\u0061"};
    String[] scalars = {"1", "-2", "true", "false", "null", "\"s\"", "\"t\\n\"", "\"\u00e9\"", "-0", "2.5", "1e3", "\"\\/\""};
    int kind = depth <= 0 ? 2 : random.nextInt(depth > 20 ? 2 : 3);
    if (kind == 2) {
      return scalars[random.nextInt(random.nextInt(25) == 0 ? scalars.length : 8)];
    }
    int count = depth > 20 ? 1 : random.nextInt(4);
    StringBuilder value = new StringBuilder(kind == 0 ? "{" : "[").append(randomSpace(random));
    for (int i = 0; i < count; i++) {
      value.append(i == 0 ? "" : "," + randomSpace(random));
      if (kind == 0) {
        String name = names[random.nextInt(random.nextInt(25) == 0 ? names.length : names.length - 1)];
        value.append('"').append(name).append('"').append(randomSpace(random)).append(':');
      }
      value.append(randomValue(random, depth - 1)).append(randomSpace(random));
    }
    return value.append(kind == 0 ? "}" : "]").toString();
  }

  private static String randomSpace(SplittableRandom random) {
    return random.nextInt(12) == 0 ? " " : "";
  }

  @Test
  void readsGzipAsTheStreamingReader() throws IOException {
    byte[] document = ("{\"Records\":[" + PLAIN + "," + PLAIN + "]}").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(document);
    }
    byte[] whole = gzipped.toByteArray();
    assertThat(new RecordsScanner().scan(document, document.length)).isTrue();
    assertSameOutcome(whole);
    assertThat(read(whole, true, 1L << 30).result().compression()).isEqualTo("gzip");
    assertSameOutcome(Arrays.copyOf(whole, whole.length - 12));
  }

  @Test
  void streamsAFileOverTheDecompressionLimit() throws IOException {
    byte[] document = ("{\"Records\":[" + PLAIN + "," + PLAIN + "]}").getBytes(StandardCharsets.UTF_8);
    ReadOutcome scanned = read(document, true, document.length - 10);
    assertThat(scanned).isEqualTo(read(document, false, document.length - 10));
    assertThat(scanned.rejects()).hasSize(1);
  }

  /** Reads the bytes both ways and asserts the same outcome; returns true when the scan's path took the file. */
  private static boolean assertSameOutcome(byte[] document) throws IOException {
    ReadOutcome scanned = read(document, true, 1L << 30);
    ReadOutcome streamed = read(document, false, 1L << 30);
    assertThat(scanned).as(new String(document, StandardCharsets.UTF_8)).isEqualTo(streamed);
    RecordsScanner scanner = new RecordsScanner();
    return scanner.scan(document, document.length);
  }

  private static ReadOutcome read(byte[] document, boolean scan, long limit) {
    return ReadOutcome.read(new SourceReader(JsonSettings.mapper(), limit, scan), document);
  }
}
