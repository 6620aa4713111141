package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a digest file says its trail writes an account's files: the bucket and key prefix of
 * {@code s3://BUCKET/[PREFIX/]AWSLogs/[o-ORGANIZATION/]ACCOUNT/CloudTrail-Digest/…}, from its {@code digestS3Bucket}
 * and {@code digestS3Object}.
 *
 * @param accountId the account whose files they are
 * @param organizationId the organisation trail's {@code o-…} path, or empty for a trail of the account
 * @param bucket the bucket, a valid S3 bucket name
 * @param keyPrefix the trail's key prefix, without its trailing slash, or empty
 */
public record TrailBucket(String accountId, String organizationId, String bucket, String keyPrefix) {
  /** Sorted by account, organisation, bucket and prefix. */
  public static final Comparator<TrailBucket> ORDER = Comparator.comparing(TrailBucket::accountId)
      .thenComparing(TrailBucket::organizationId).thenComparing(TrailBucket::bucket)
      .thenComparing(TrailBucket::keyPrefix);

  /** S3's bucket naming rules: 3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at each end. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern DIGEST_KEY =
      Pattern.compile("^(?:(.+)/)?AWSLogs/(?:(o-[a-z0-9]{10,32})/)?(\\d{12})/CloudTrail-Digest/[^/]+/.+$");

  public TrailBucket {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(organizationId, "organizationId is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(keyPrefix, "keyPrefix is null");
  }

  /** The bucket a digest found at the key it records names, when the name and key have CloudTrail's shapes. */
  static Optional<TrailBucket> of(Digest digest) {
    Matcher key = DIGEST_KEY.matcher(digest.s3Object());
    if (!digest.atRecordedKey() || !BUCKET.matcher(digest.bucket()).matches() || !key.matches()) {
      return Optional.empty();
    }
    return Optional.of(new TrailBucket(key.group(3), key.group(2) == null ? "" : key.group(2), digest.bucket(),
        key.group(1) == null ? "" : key.group(1)));
  }
}
