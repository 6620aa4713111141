package io.trailsleuth.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** The export shapes the ingest recognises, detected from content, never from the file name. */
public enum SourceShape {
  TRAIL_RECORDS("trail-records", true, false),
  BARE_ARRAY("bare-array", true, false),
  SINGLE_RECORD("single-record", true, false),
  JSON_LINES("json-lines", true, false),
  LOOKUP_EVENTS("lookup-events", true, false),
  LOOKUP_EVENT_LINES("lookup-event-lines", true, false),
  EVENTBRIDGE("eventbridge", true, false),
  CLOUDWATCH_EXPORT("cloudwatch-export", true, false),
  DIGEST("cloudtrail-digest", false, false),
  /** AWS Config configuration history or snapshot file (S3 delivery or API output): read as snapshot evidence. */
  CONFIG("aws-config", false, true),
  /** {@code aws kms list-grants} output, or the bare array of grants a {@code --query} leaves. */
  KMS_LIST_GRANTS("kms-list-grants", false, true),
  /** {@code aws iam get-role}, {@code list-roles} or {@code get-account-authorization-details} output. */
  IAM_ROLE("iam-role", false, true),
  /** {@code aws lambda get-function-configuration}, {@code get-function} or {@code list-functions} output. */
  LAMBDA_CONFIG("lambda-config", false, true),
  /** {@code aws kms describe-key} output. */
  KMS_DESCRIBE_KEY("kms-describe-key", false, true),
  OTHER_JSON("other-json", false, false),
  /** A stray file that is not JSON and not named like a log (README.md, notes.txt, .DS_Store): skipped. */
  NOT_JSON("not-json", false, false),
  UNREADABLE("unreadable", false, false);

  private final String label;
  private final boolean holdsEvents;
  private final boolean holdsSnapshot;

  SourceShape(String label, boolean holdsEvents, boolean holdsSnapshot) {
    this.label = label;
    this.holdsEvents = holdsEvents;
    this.holdsSnapshot = holdsSnapshot;
  }

  /** The name shown in summaries and stored in the manifest. */
  public String label() {
    return label;
  }

  /** False for files that are recognised and hold no events (digests, snapshots, other JSON, stray files). */
  public boolean holdsEvents() {
    return holdsEvents;
  }

  /** True for point-in-time snapshots (CLI outputs, AWS Config files), whose items are kept as evidence. */
  public boolean holdsSnapshot() {
    return holdsSnapshot;
  }

  /** Decides what a whole JSON object is when its first field did not tell. */
  public static SourceShape classify(JsonNode tree) {
    if (tree.has("CloudTrailEvent")) {
      return SourceShape.LOOKUP_EVENT_LINES;
    }
    if (tree.has("detail-type") && tree.path("detail").isObject()) {
      return SourceShape.EVENTBRIDGE;
    }
    if (tree.has("digestS3Object") || (tree.has("logFiles") && tree.has("digestStartTime"))) {
      return SourceShape.DIGEST;
    }
    if (tree.has("configurationItems") || tree.has("configSnapshotId") || tree.has("configurationItem")
        || tree.has("baseConfigurationItems")) {
      return SourceShape.CONFIG;
    }
    SourceShape snapshot = classifySnapshot(tree);
    if (snapshot != null) {
      return snapshot;
    }
    if (tree.has("eventTime") || (tree.has("eventName") && tree.has("eventSource"))) {
      return SourceShape.SINGLE_RECORD;
    }
    return SourceShape.OTHER_JSON;
  }

  /**
   * The snapshot kind of a CLI output object, or of one element of the bare array a {@code --query} leaves; null
   * when it is none.
   */
  public static SourceShape classifySnapshot(JsonNode tree) {
    if (tree.path("Grants").isArray() || (tree.has("GrantId") && tree.has("KeyId"))) {
      return KMS_LIST_GRANTS;
    }
    if (tree.path("Role").has("RoleId") || tree.path("Roles").isArray() || tree.path("RoleDetailList").isArray()
        || (tree.has("RoleId") && tree.has("RoleName"))) {
      return IAM_ROLE;
    }
    if (tree.path("Configuration").has("FunctionArn") || tree.path("Functions").isArray()
        || (tree.has("FunctionArn") && tree.has("FunctionName"))) {
      return LAMBDA_CONFIG;
    }
    if (tree.path("KeyMetadata").has("KeyId") || (tree.has("KeyId") && tree.has("KeyManager"))) {
      return KMS_DESCRIBE_KEY;
    }
    if (tree.has("resourceType") && (tree.has("configuration") || tree.has("resourceId"))) {
      return CONFIG;
    }
    return null;
  }

  /** Why a file of this shape is skipped. */
  public String skippedReason() {
    return switch (this) {
      case DIGEST -> "CloudTrail digest file (kept for integrity checks, holds no events)";
      case CONFIG -> "AWS Config snapshot or history file, read as snapshot evidence";
      case KMS_LIST_GRANTS -> "aws kms list-grants output, read as snapshot evidence";
      case IAM_ROLE -> "aws iam role listing (get-role, list-roles or account authorization details), read as snapshot"
          + " evidence";
      case LAMBDA_CONFIG -> "aws lambda function configuration, read as snapshot evidence";
      case KMS_DESCRIBE_KEY -> "aws kms describe-key output, read as snapshot evidence";
      default -> "JSON that is not CloudTrail (no record fields, no Records, Events or detail)";
    };
  }
}
