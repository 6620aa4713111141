package io.trailsleuth.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** The export shapes the ingest recognises, detected from content, never from the file name. */
public enum SourceShape {
  TRAIL_RECORDS("trail-records", true),
  BARE_ARRAY("bare-array", true),
  SINGLE_RECORD("single-record", true),
  JSON_LINES("json-lines", true),
  LOOKUP_EVENTS("lookup-events", true),
  LOOKUP_EVENT_LINES("lookup-event-lines", true),
  EVENTBRIDGE("eventbridge", true),
  CLOUDWATCH_EXPORT("cloudwatch-export", true),
  DIGEST("cloudtrail-digest", false),
  CONFIG("aws-config", false),
  OTHER_JSON("other-json", false),
  /** A stray file that is not JSON and not named like a log (README.md, notes.txt, .DS_Store): skipped. */
  NOT_JSON("not-json", false),
  UNREADABLE("unreadable", false);

  private final String label;
  private final boolean holdsEvents;

  SourceShape(String label, boolean holdsEvents) {
    this.label = label;
    this.holdsEvents = holdsEvents;
  }

  /** The name shown in summaries and stored in the manifest. */
  public String label() {
    return label;
  }

  /** False for files that are recognised and skipped (digests, Config files, other JSON, stray files). */
  public boolean holdsEvents() {
    return holdsEvents;
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
    if (tree.has("configurationItems") || tree.has("configSnapshotId") || tree.has("configurationItem")) {
      return SourceShape.CONFIG;
    }
    if (tree.has("eventTime") || (tree.has("eventName") && tree.has("eventSource"))) {
      return SourceShape.SINGLE_RECORD;
    }
    return SourceShape.OTHER_JSON;
  }

  /** Why a file of this shape is skipped. */
  public String skippedReason() {
    return switch (this) {
      case DIGEST -> "CloudTrail digest file (kept for integrity checks, holds no events)";
      case CONFIG -> "AWS Config snapshot or history file (holds no CloudTrail events)";
      default -> "JSON that is not CloudTrail (no record fields, no Records, Events or detail)";
    };
  }
}
