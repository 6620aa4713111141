package io.trailsleuth.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/** Small CloudTrail records and files for the robustness tests, built as text so faults can be placed exactly. */
final class Records {
  private Records() {}

  /** A valid record with a distinct event id and time. */
  static String record(int number) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::210987654321:root\"},"
        + "\"eventTime\":\"2025-03-04T10:" + String.format("%02d:%02d", number / 60 % 60, number % 60) + "Z\","
        + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"GetRole\",\"awsRegion\":\"eu-west-1\","
        + "\"eventID\":\"" + eventId(number) + "\",\"readOnly\":true}";
  }

  static String eventId(int number) {
    return String.format("b0000000-0000-4000-8000-%012d", number);
  }

  static List<String> records(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(Records::record).toList();
  }

  /** A trail file: {"Records":[...]}. */
  static String trail(List<String> records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  /** JSON Lines with the given line ending. */
  static String lines(List<String> records, String newline) {
    return records.stream().map(r -> r + newline).collect(Collectors.joining());
  }

  /** A CloudWatch Logs export: "<timestamp> <record>" per line. */
  static String cloudWatch(List<String> records, String newline) {
    return records.stream().map(r -> "2025-03-04T10:00:00.000Z " + r + newline).collect(Collectors.joining());
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }
}
