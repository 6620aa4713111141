package io.trailsleuth.generate;

import java.time.Instant;

/** Where an organisation trail puts things in its bucket: the S3 key of each log file and digest file. */
final class ArchiveLayout {
  static final String ORGANIZATION = "o-exampleorg1";
  static final String BUCKET = "aws-cloudtrail-logs-example";
  static final String TRAIL = "org-trail";
  static final String HOME_REGION = "us-east-1";

  private ArchiveLayout() {}

  /** AWSLogs/o-id/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_SUFFIX.json.gz */
  static String logKey(TrailStream stream, Instant delivered, String suffix) {
    return "AWSLogs/" + ORGANIZATION + "/" + stream.account() + "/CloudTrail/" + stream.region() + "/"
        + Times.keyDay(delivered) + "/" + stream.account() + "_CloudTrail_" + stream.region() + "_"
        + Times.keyMinute(delivered) + "_" + suffix + ".json.gz";
  }

  /** AWSLogs/o-id/ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOME_TIME.json.gz */
  static String digestKey(TrailStream stream, Instant end) {
    return "AWSLogs/" + ORGANIZATION + "/" + stream.account() + "/CloudTrail-Digest/" + stream.region() + "/"
        + Times.keyDay(end) + "/" + stream.account() + "_CloudTrail-Digest_" + stream.region() + "_" + TRAIL + "_"
        + HOME_REGION + "_" + Times.keySecond(end) + ".json.gz";
  }

  /** A stray text file someone left in the export, as real case folders have. */
  static String junkKey(Instant day) {
    return "AWSLogs/" + ORGANIZATION + "/" + TrailStream.MAIN_ACCOUNT + "/CloudTrail/eu-west-1/" + Times.keyDay(day)
        + "/notes.txt";
  }
}
