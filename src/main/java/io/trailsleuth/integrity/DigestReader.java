package io.trailsleuth.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailsleuth.ingest.JsonSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recognises digest files by their content and reads their fields, recording malformed ones instead of failing. */
final class DigestReader {
  private static final int HEAD_BYTES = 64 * 1024;
  private static final List<String> REQUIRED =
      List.of("digestS3Bucket", "digestS3Object", "digestStartTime", "digestEndTime", "digestPublicKeyFingerprint");

  /** A file that looks like a digest but cannot be read as one. */
  static final class UnreadableDigestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean lookedLikeDigest;

    UnreadableDigestException(String message, boolean lookedLikeDigest) {
      super(message);
      this.lookedLikeDigest = lookedLikeDigest;
    }

    /** True when the content was seen to be a digest before reading failed. */
    boolean lookedLikeDigest() {
      return lookedLikeDigest;
    }
  }

  private DigestReader() {}

  /** The digest in the file, or empty when the file is not a digest. */
  static Optional<Digest> read(Path path, String relativePath) throws UnreadableDigestException {
    return read(path, relativePath, DigestStrings.none());
  }

  /**
   * As above, its strings shared through {@code strings} with those already held (a local log file's relative path,
   * the digest it links back to), so that the digest holds no copy of its own; the digest is added to them.
   */
  static Optional<Digest> read(Path path, String relativePath, DigestStrings strings)
      throws UnreadableDigestException {
    try {
      if (!looksLikeDigest(FileContent.head(path, HEAD_BYTES))) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UnreadableDigestException("cannot be read: " + e.getMessage(), false);
    }
    try {
      byte[] content = FileContent.readAll(path);
      JsonNode root;
      try {
        root = JsonSettings.mapper().readTree(content);
      } catch (JsonProcessingException e) {
        throw new UnreadableDigestException("is not valid JSON: " + e.getOriginalMessage(), true);
      }
      if (root == null || !root.isObject()
          || !(root.has("digestS3Object") || (root.has("logFiles") && root.has("digestStartTime")))) {
        return Optional.empty();
      }
      Digest digest = parse(root, relativePath, FileContent.sha256Hex(content), strings);
      strings.add(digest);
      return Optional.of(digest);
    } catch (IOException e) {
      throw new UnreadableDigestException("cannot be read: " + e.getMessage(), true);
    }
  }

  private static boolean looksLikeDigest(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{")
        && (text.contains("\"digestS3Object\"") || (text.contains("\"logFiles\"") && text.contains("\"digestStartTime\"")));
  }

  private static Digest parse(JsonNode root, String relativePath, String contentSha256, DigestStrings strings) {
    List<String> malformed = new ArrayList<>();
    for (String field : REQUIRED) {
      if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
        malformed.add(field + " is missing or not a string");
      }
    }
    Optional<String> previousHash = optionalText(root, "previousDigestHashValue");
    previousHash.map(HashValues::problem).ifPresent(problem -> malformed.add("previousDigestHashValue " + problem));
    Optional<String> previousSignature = optionalText(root, "previousDigestSignature");
    previousSignature.filter(signature -> !HashValues.isHex(signature))
        .ifPresent(signature -> malformed.add("previousDigestSignature is not hex"));
    String s3Object = text(root, "digestS3Object");
    Optional<String> previousKey = optionalText(root, "previousDigestS3Object");
    // the digest linked back to, when read already: its key and content hash are held once
    Digest previous = previousKey.map(strings::digestRecording).orElse(null);
    if (previous != null) {
      previousKey = Optional.of(previous.s3Object());
      previousHash = previousHash.map(hash -> hash.equals(previous.contentSha256()) ? previous.contentSha256() : hash);
    }
    return new Digest(relativePath, contentSha256, strings.shared(text(root, "awsAccountId")),
        strings.shared(text(root, "digestS3Bucket")), s3Object.equals(relativePath) ? relativePath : s3Object,
        text(root, "digestEndTime"), time(root, "digestStartTime", malformed), time(root, "digestEndTime", malformed),
        strings.shared(text(root, "digestPublicKeyFingerprint")), previousKey, previousHash,
        HexText.of(previousSignature), logFiles(root, malformed, strings), malformed);
  }

  private static List<ListedLogFile> logFiles(JsonNode root, List<String> malformed, DigestStrings strings) {
    JsonNode array = root.path("logFiles");
    List<ListedLogFile> files = new ArrayList<>();
    if (!array.isArray()) {
      malformed.add("logFiles is missing or not a list");
      return files;
    }
    for (int index = 0; index < array.size(); index++) {
      JsonNode entry = array.get(index);
      String s3Object = text(entry, "s3Object");
      String hashValue = text(entry, "hashValue");
      String algorithm = entry.path("hashAlgorithm").asText("SHA-256");
      if (s3Object.isEmpty()) {
        malformed.add("logFiles[" + index + "].s3Object is missing");
        continue;
      }
      String problem = HashValues.problem(hashValue);
      if (problem != null) {
        malformed.add("logFiles[" + index + "].hashValue " + problem + " (" + S3Keys.fileName(s3Object) + ")");
      }
      if (!"SHA-256".equals(algorithm)) {
        malformed.add("logFiles[" + index + "].hashAlgorithm is '" + HashValues.abbreviate(algorithm) + "', not SHA-256");
      }
      files.add(new ListedLogFile(strings.logFileKey(s3Object), hashValue));
    }
    return files;
  }

  private static Optional<Instant> time(JsonNode root, String field, List<String> malformed) {
    String value = text(root, field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      malformed.add(field + " is not an ISO-8601 time: '" + HashValues.abbreviate(value) + "'");
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : "";
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    String value = text(node, field);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
