package io.trailsleuth.ingest;

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
}
