package io.trailsleuth.integrity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses CloudTrail S3 key shapes and matches S3 keys to local relative paths by suffix. */
final class S3Keys {
  private static final Pattern DIGEST_FILE_NAME = Pattern.compile(
      "^(\\d{12})_CloudTrail-Digest_([a-z0-9-]+)_(.+)_([a-z]{2}(?:-[a-z]+)+-\\d+)_(\\d{8}T\\d{6}Z)(_backfill)?\\.json(\\.gz)?$");

  /** The parts of a digest file name. */
  record DigestKey(String accountId, String region, String trailName, boolean backfill) {}

  private S3Keys() {}

  /** The last segment of a key or path. */
  static String fileName(String keyOrPath) {
    int slash = keyOrPath.lastIndexOf('/');
    return slash < 0 ? keyOrPath : keyOrPath.substring(slash + 1);
  }

  /**
   * True when the local relative path and the S3 key name the same object: one is the other or a suffix of it at a
   * '/' boundary, so archives synced from the bucket root, below a prefix or with the bucket name all match.
   */
  static boolean sameObject(String s3Key, String relativePath) {
    return s3Key.equals(relativePath) || s3Key.endsWith("/" + relativePath) || relativePath.endsWith("/" + s3Key);
  }

  /** The digest key parts, when the name has the CloudTrail digest file shape. */
  static Optional<DigestKey> digestKey(String keyOrPath) {
    Matcher matcher = DIGEST_FILE_NAME.matcher(fileName(keyOrPath));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new DigestKey(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(6) != null));
  }
}
