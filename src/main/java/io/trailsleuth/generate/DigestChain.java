package io.trailsleuth.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hourly digest files of one account and region, each linked to the one before it. Digests here are unsigned:
 * previousDigestSignature is a deterministic placeholder, since the real signature lives in S3 metadata.
 */
final class DigestChain {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path root;
  private final TrailStream stream;
  private final String fingerprint;
  private final RandomIds ids;
  private final List<LogFileEntry> pending = new ArrayList<>();
  private Instant pendingHour;
  private String previousKey;
  private String previousHash;
  private Instant previousEnd;
  private int written;

  DigestChain(Path root, TrailStream stream, String fingerprint, RandomIds ids) {
    this.root = root;
    this.stream = stream;
    this.fingerprint = fingerprint;
    this.ids = ids;
  }

  /** Adds a delivered log file; a file in a new hour first closes the previous hour's digest. */
  void add(LogFileEntry entry, Instant delivered) throws IOException {
    Instant hour = delivered.truncatedTo(ChronoUnit.HOURS);
    if (pendingHour != null && !hour.equals(pendingHour)) {
      flush();
    }
    pendingHour = hour;
    pending.add(entry);
  }

  /** Writes the digest for the pending hour, if it has log files. */
  void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    Instant end = pendingHour.plusSeconds(3_600 + ids.between(40, 400));
    Instant start = previousEnd == null ? pendingHour : previousEnd;
    String key = ArchiveLayout.digestKey(stream, end);
    try (HashedGzipFile file = HashedGzipFile.create(root.resolve(key));
        JsonGenerator json = JSON.createGenerator(file.stream(), JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writeDigest(json, key, start, end);
      json.flush();
      previousHash = file.sha256();
    }
    previousKey = key;
    previousEnd = end;
    pending.clear();
    pendingHour = null;
    written++;
  }

  int written() {
    return written;
  }

  private void writeDigest(JsonGenerator json, String key, Instant start, Instant end) throws IOException {
    json.writeStartObject();
    json.writeStringField("awsAccountId", stream.account());
    json.writeStringField("digestStartTime", Times.iso(start));
    json.writeStringField("digestEndTime", Times.iso(end));
    json.writeStringField("digestS3Bucket", ArchiveLayout.BUCKET);
    json.writeStringField("digestS3Object", key);
    json.writeStringField("digestPublicKeyFingerprint", fingerprint);
    json.writeStringField("digestSignatureAlgorithm", "SHA256withRSA");
    json.writeStringField("newestEventTime", Times.iso(pending.stream().map(LogFileEntry::newestEvent)
        .max(Instant::compareTo).orElseThrow()));
    json.writeStringField("oldestEventTime", Times.iso(pending.stream().map(LogFileEntry::oldestEvent)
        .min(Instant::compareTo).orElseThrow()));
    json.writeStringField("previousDigestS3Bucket", previousKey == null ? null : ArchiveLayout.BUCKET);
    json.writeStringField("previousDigestS3Object", previousKey);
    json.writeStringField("previousDigestHashValue", previousHash);
    json.writeStringField("previousDigestHashAlgorithm", previousKey == null ? null : "SHA-256");
    json.writeStringField("previousDigestSignature", previousKey == null ? null : placeholderSignature(previousKey));
    json.writeArrayFieldStart("logFiles");
    for (LogFileEntry entry : pending) {
      json.writeStartObject();
      json.writeStringField("s3Bucket", ArchiveLayout.BUCKET);
      json.writeStringField("s3Object", entry.key());
      json.writeStringField("hashValue", entry.sha256());
      json.writeStringField("hashAlgorithm", "SHA-256");
      json.writeStringField("newestEventTime", Times.iso(entry.newestEvent()));
      json.writeStringField("oldestEventTime", Times.iso(entry.oldestEvent()));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** 512 hex characters (the size of an RSA-2048 signature) derived from the previous digest's key. */
  static String placeholderSignature(String previousDigestKey) {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      StringBuilder signature = new StringBuilder(512);
      for (int part = 0; part < 4; part++) {
        byte[] input = ("unsigned-placeholder:" + part + ":" + previousDigestKey).getBytes(StandardCharsets.UTF_8);
        signature.append(HexFormat.of().formatHex(sha512.digest(input)));
      }
      return signature.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is not available", e);
    }
  }
}
