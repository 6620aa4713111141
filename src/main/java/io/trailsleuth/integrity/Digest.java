package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One CloudTrail digest file as found in the archive.
 *
 * @param relativePath where it was found, relative to its input root
 * @param contentSha256 hex SHA-256 of its decompressed content
 * @param accountId awsAccountId, or empty when absent
 * @param bucket digestS3Bucket, or empty when absent
 * @param s3Object digestS3Object: the key it was written to, or empty when absent
 * @param endTimeText digestEndTime exactly as written (it is part of the signed string)
 * @param startTime digestStartTime, when it parses
 * @param endTime digestEndTime, when it parses
 * @param publicKeyFingerprint digestPublicKeyFingerprint, or empty when absent
 * @param previousS3Object previousDigestS3Object; empty when the link is null
 * @param previousHashValue previousDigestHashValue; empty when null
 * @param previousSignatureHex previousDigestSignature, held compactly; see {@link #previousSignature}
 * @param logFiles the log files it lists
 * @param malformed one line per malformed field
 */
record Digest(
    String relativePath,
    String contentSha256,
    String accountId,
    String bucket,
    String s3Object,
    String endTimeText,
    Optional<Instant> startTime,
    Optional<Instant> endTime,
    String publicKeyFingerprint,
    Optional<String> previousS3Object,
    Optional<String> previousHashValue,
    HexText previousSignatureHex,
    List<ListedLogFile> logFiles,
    List<String> malformed) {
  Digest {
    requireNonNull(relativePath, "relativePath is null");
    requireNonNull(contentSha256, "contentSha256 is null");
    requireNonNull(accountId, "accountId is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(s3Object, "s3Object is null");
    requireNonNull(endTimeText, "endTimeText is null");
    requireNonNull(startTime, "startTime is null");
    requireNonNull(endTime, "endTime is null");
    requireNonNull(publicKeyFingerprint, "publicKeyFingerprint is null");
    requireNonNull(previousS3Object, "previousS3Object is null");
    requireNonNull(previousHashValue, "previousHashValue is null");
    requireNonNull(previousSignatureHex, "previousSignatureHex is null");
    logFiles = List.copyOf(logFiles);
    malformed = List.copyOf(malformed);
  }

  /** previousDigestSignature as written; empty when null. */
  Optional<String> previousSignature() {
    return previousSignatureHex.text();
  }

  /** The chain this digest belongs to: account, region and trail, from its recorded key or its location. */
  String chainName() {
    String key = s3Object.isEmpty() ? relativePath : s3Object;
    return S3Keys.digestKey(key)
        .map(parts -> parts.accountId() + "/" + parts.region() + "/" + parts.trailName())
        .orElse((accountId.isEmpty() ? "unknown-account" : accountId) + "/unknown-region/unknown-trail");
  }

  /** True for a backfill digest, which lists late deliveries outside the hourly chain. */
  boolean backfill() {
    return S3Keys.digestKey(s3Object.isEmpty() ? relativePath : s3Object).map(S3Keys.DigestKey::backfill).orElse(false);
  }

  /** True when the digest sits at the key it records (by suffix), false when it was moved or renamed. */
  boolean atRecordedKey() {
    return !s3Object.isEmpty() && S3Keys.sameObject(s3Object, relativePath);
  }
}
