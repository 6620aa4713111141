package io.trailsleuth.analysis;

/** Snapshot evidence as the AWS CLI and AWS Config write it, for the analysis tests: IAM role items. */
final class SnapshotFixtures {
  private SnapshotFixtures() {}

  /** An AWS Config item of role worker-exec; {@code asString} writes its configuration as a JSON string (API shape). */
  static String configRole(String account, String roleId, String status, String created, String captured,
      boolean asString) {
    String configuration = "{\"path\":\"/\",\"roleName\":\"worker-exec\",\"roleId\":\"" + roleId + "\",\"arn\":"
        + "\"arn:aws:iam::" + account + ":role/worker-exec\",\"createDate\":\"" + created + "\"}";
    return "{\"configurationItemVersion\":\"1.3\",\"configurationItemCaptureTime\":\"" + captured + "\","
        + "\"configurationStateId\":1,\"awsAccountId\":\"" + account + "\",\"configurationItemStatus\":\"" + status
        + "\",\"resourceType\":\"AWS::IAM::Role\",\"resourceId\":\"" + roleId + "\",\"resourceName\":\"worker-exec\","
        + "\"ARN\":\"arn:aws:iam::" + account + ":role/worker-exec\",\"awsRegion\":\"global\",\"resourceCreationTime\":\""
        + created + "\",\"configuration\":" + (asString ? "\"" + configuration.replace("\"", "\\\"") + "\""
        : configuration) + "}";
  }

  /** An AWS Config history file's name under an input root, as the S3 delivery names it. */
  static String configHistoryPath(String account) {
    return "AWSLogs/" + account + "/Config/us-east-1/2026/3/2/ConfigHistory/" + account
        + "_Config_us-east-1_ConfigHistory_AWS::IAM::Role_20260302T000000Z_20260302T120000Z_1.json";
  }

  /** {@code aws iam get-role} output for role worker-exec. */
  static String getRole(String account, String roleId, String created) {
    return "{\"Role\": {\"Path\": \"/\", \"RoleName\": \"worker-exec\", \"RoleId\": \"" + roleId + "\", \"Arn\": "
        + "\"arn:aws:iam::" + account + ":role/worker-exec\", \"CreateDate\": \"" + created + "\", "
        + "\"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}}}\n";
  }
}
