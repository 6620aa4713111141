package io.trailsleuth.evidence;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** File names inside a pack for values read from logs: kept when plainly safe, else named by their hash. */
final class PackNames {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

  private PackNames() {}

  /** {@code records/<eventId>.json}, or {@code records/event-<hash>.json} for an ID that is not a safe file name. */
  static String record(String eventId) {
    return "records/" + (SAFE_NAME.matcher(eventId).matches() ? eventId : "event-" + hash(eventId)) + ".json";
  }

  /** {@code digests/<relative path>}, or {@code digests/digest-<hash>.json.gz} for a path that is not plainly safe. */
  static String digest(String relativePath) {
    return "digests/" + (SAFE_PATH.matcher(relativePath).matches() && relativePath.length() < 1024
        ? relativePath : "digest-" + hash(relativePath) + ".json.gz");
  }

  /** {@code digests/<directory>/<relative path>}: a digest under a directory of its own (a safe name), named likewise. */
  static String digest(String directory, String relativePath) {
    return "digests/" + directory + "/" + digest(relativePath).substring("digests/".length());
  }

  private static String hash(String value) {
    return HexFormat.of().formatHex(SourceRecordReader.sha256().digest(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }
}
