package io.trailsleuth.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes a CloudTrail archive with hourly digests, real hashes, a correct chain and real RSA signatures. */
public final class TestArchive {
  public static final String BUCKET = "case-bucket";
  public static final String ACCOUNT = "111122223333";
  public static final String REGION = "us-east-1";
  public static final String TRAIL = "main-trail";
  public static final Instant START = Instant.parse("2024-03-05T10:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter DIGEST_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final KeyPair KEYS = generateKeys();

  /** The directory the S3 keys are written below (root, or root/prefix). */
  public final Path bucketRoot;
  /** The digests' S3 keys, oldest first. */
  public final List<String> digestKeys = new ArrayList<>();
  /** The log files' S3 keys, two per hour, oldest first. */
  public final List<String> logKeys = new ArrayList<>();
  /** The hex signature of each digest, by S3 key. */
  public final Map<String, String> signatures = new LinkedHashMap<>();
  /** The key fingerprint the digests name. */
  public final String fingerprint = HexFormat.of().formatHex(md5(KEYS.getPublic().getEncoded()));

  private TestArchive(Path bucketRoot) {
    this.bucketRoot = bucketRoot;
  }

  /** An archive of {@code hours} hourly digests, each listing two logs, with a null link before {@code nullLinkAt}. */
  public static TestArchive write(Path bucketRoot, int hours, int nullLinkAt) throws IOException {
    TestArchive archive = new TestArchive(bucketRoot);
    String previousKey = null;
    byte[] previousContent = null;
    for (int hour = 0; hour < hours; hour++) {
      Instant start = START.plusSeconds(3600L * hour);
      Instant end = start.plusSeconds(3600);
      ObjectNode digest = MAPPER.createObjectNode();
      String key = "AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/" + DAY.format(end) + "/" + ACCOUNT
          + "_CloudTrail-Digest_" + REGION + "_" + TRAIL + "_" + REGION + "_" + DIGEST_TIME.format(end) + ".json.gz";
      digest.put("awsAccountId", ACCOUNT).put("digestStartTime", start.toString()).put("digestEndTime", end.toString())
          .put("digestS3Bucket", BUCKET).put("digestS3Object", key).put("digestPublicKeyFingerprint", archive.fingerprint)
          .put("digestSignatureAlgorithm", "SHA256withRSA");
      boolean linked = previousKey != null && hour != nullLinkAt;
      digest.put("previousDigestS3Bucket", linked ? BUCKET : null).put("previousDigestS3Object", linked ? previousKey : null)
          .put("previousDigestHashValue", linked ? sha256(previousContent) : null)
          .put("previousDigestHashAlgorithm", linked ? "SHA-256" : null)
          .put("previousDigestSignature", linked ? archive.signatures.get(previousKey) : null);
      ArrayNode logFiles = digest.putArray("logFiles");
      for (int index = 0; index < 2; index++) {
        Instant delivered = start.plusSeconds(600 + 1800L * index);
        String logKey = "AWSLogs/" + ACCOUNT + "/CloudTrail/" + REGION + "/" + DAY.format(delivered) + "/" + ACCOUNT
            + "_CloudTrail_" + REGION + "_" + LOG_TIME.format(delivered) + "_AbCdEfGh" + hour + index + "ZyXwVu.json.gz";
        byte[] content = ("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"" + delivered
            + "\",\"eventName\":\"GetRole\",\"eventID\":\"event-" + hour + "-" + index + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        archive.put(logKey, gzip(content));
        archive.logKeys.add(logKey);
        logFiles.addObject().put("s3Bucket", BUCKET).put("s3Object", logKey).put("hashValue", sha256(content))
            .put("hashAlgorithm", "SHA-256").put("newestEventTime", delivered.toString())
            .put("oldestEventTime", delivered.toString());
      }
      byte[] content = MAPPER.writeValueAsBytes(digest);
      archive.put(key, gzip(content));
      archive.digestKeys.add(key);
      archive.signatures.put(key, sign(end + "\n" + BUCKET + "/" + key + "\n" + sha256(content) + "\n"
          + (linked ? archive.signatures.get(previousKey) : "null")));
      previousKey = key;
      previousContent = content;
    }
    return archive;
  }

  /** The path of an S3 key in the archive. */
  public Path pathOf(String key) {
    return bucketRoot.resolve(key);
  }

  /** Writes the public key in the list-public-keys shape; PKCS#1 as CloudTrail publishes it, or SubjectPublicKeyInfo. */
  public Path writePublicKeys(Path file, boolean pkcs1) throws IOException {
    byte[] spki = KEYS.getPublic().getEncoded();
    ObjectNode root = MAPPER.createObjectNode();
    root.putArray("PublicKeyList").addObject()
        .put("Value", Base64.getEncoder().encodeToString(pkcs1 ? RsaKeyEncoding.pkcs1(spki) : spki))
        .put("ValidityStartTime", START.minusSeconds(86400).getEpochSecond())
        .put("ValidityEndTime", START.plusSeconds(30 * 86400).getEpochSecond())
        .put("Fingerprint", fingerprint);
    Files.writeString(file, MAPPER.writeValueAsString(root));
    return file;
  }

  /** Writes the signatures JSON map, digest S3 key to hex signature. */
  public Path writeSignatures(Path file) throws IOException {
    Files.writeString(file, MAPPER.writeValueAsString(signatures));
    return file;
  }

  /** Rewrites a gzipped file with its decompressed content changed by the function. */
  public static void rewrite(Path file, java.util.function.UnaryOperator<byte[]> change) throws IOException {
    Files.write(file, gzip(change.apply(FileContent.readAll(file))));
  }

  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void put(String key, byte[] bytes) throws IOException {
    Path path = pathOf(key);
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
  }

  private static String sign(String text) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(KEYS.getPrivate());
      signer.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] content) {
    return FileContent.sha256Hex(content);
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generateKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
