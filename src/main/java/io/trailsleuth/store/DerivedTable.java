package io.trailsleuth.store;

/** The small per-run tables derived at ingest so that analysis need not scan every event. */
public enum DerivedTable {
  /** The run's IAM, KMS and Lambda events, policy writes and access denials, with every event column. */
  FOCUS_EVENTS("focus_events", "focus-events.parquet", "store_derive_focus_events"),
  /** Each role unique ID seen acting, with first and last time. */
  ROLE_SIGHTINGS("role_sightings", "role-sightings.parquet", "store_derive_role_sightings"),
  /** Events per account, region and UTC hour. */
  EVENT_HOURS("event_hours", "event-hours.parquet", "store_derive_event_hours"),
  /** First and last successful use of a policy-governed resource per role generation. */
  RESOURCE_USES("resource_uses", "resource-uses.parquet", "store_derive_resource_uses");

  private final String viewName;
  private final String fileName;
  private final String queryId;

  DerivedTable(String viewName, String fileName, String queryId) {
    this.viewName = viewName;
    this.fileName = fileName;
    this.queryId = queryId;
  }

  /** The view over all runs' files. */
  public String viewName() {
    return viewName;
  }

  /** The file in each run directory. */
  public String fileName() {
    return fileName;
  }

  /** The query in {@code queries/store/} that derives it from a run's events. */
  public String queryId() {
    return queryId;
  }
}
