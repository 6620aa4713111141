package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bucket and key prefix a digest names for its trail, taken only from a digest at its recorded key. */
class TrailBucketTest {
  private static final String ORG_KEY = "cloudtrail/AWSLogs/o-abcdefghij/111122223333/CloudTrail-Digest/us-east-1/"
      + "2026/03/03/111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20260303T110249Z.json.gz";

  @TempDir
  Path directory;

  @Test
  void verifiedArchiveNamesTheBucketItsDigestsRecord() throws IOException {
    TestArchive.write(directory.resolve("archive"), 3, -1);

    IntegrityReport report = ArchiveVerifier.verify(List.of(directory.resolve("archive").toString()), Optional.empty(),
        Optional.empty());

    assertThat(report.trailBuckets()).containsExactly(new TrailBucket(TestArchive.ACCOUNT, "", TestArchive.BUCKET, ""));
  }

  @Test
  void organisationTrailDigestGivesItsOrganisationAndKeyPrefix() {
    assertThat(TrailBucket.of(digest("archive/" + ORG_KEY, "org-trail-bucket", ORG_KEY)))
        .contains(new TrailBucket("111122223333", "o-abcdefghij", "org-trail-bucket", "cloudtrail"));
  }

  @Test
  void digestAwayFromItsRecordedKeyOrNamingNoValidBucketGivesNone() {
    String elsewhere = "AWSLogs/o-abcdefghij/111122223333/CloudTrail-Digest/us-east-1/2026/03/03/moved.json.gz";
    assertThat(TrailBucket.of(digest(elsewhere, "org-trail-bucket", ORG_KEY))).isEmpty();
    assertThat(TrailBucket.of(digest(ORG_KEY, "bucket'; rm -rf ~", ORG_KEY))).isEmpty();
    assertThat(TrailBucket.of(digest(ORG_KEY, "", ORG_KEY))).isEmpty();
  }

  private static Digest digest(String relativePath, String bucket, String s3Object) {
    return new Digest(relativePath, "0".repeat(64), "111122223333", bucket, s3Object, "2026-03-03T11:02:49Z",
        Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty(), HexText.of(Optional.empty()),
        List.of(), List.of());
  }
}
