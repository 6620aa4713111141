package io.trailsleuth.store;

import io.trailsleuth.model.EventColumn;
import java.util.List;

/** The small per-run tables derived at ingest so that analysis need not scan every event. */
public enum DerivedTable {
  /**
   * The run's IAM, KMS and Lambda events, policy writes and access denials, with every event column; from store format
   * 3 on without the raw {@code userIdentity} JSON, whose parts are columns of their own and which the analysis never
   * reads (the lossless copy stays in the events).
   */
  FOCUS_EVENTS("focus_events", "focus-events.parquet", "store_derive_focus_events", EventColumn.USER_IDENTITY),
  /** Each role unique ID seen acting, with first and last time. */
  ROLE_SIGHTINGS("role_sightings", "role-sightings.parquet", "store_derive_role_sightings"),
  /** Events per account, region and UTC hour. */
  EVENT_HOURS("event_hours", "event-hours.parquet", "store_derive_event_hours"),
  /** First and last successful use of a policy-governed resource per role generation. */
  RESOURCE_USES("resource_uses", "resource-uses.parquet", "store_derive_resource_uses");

  private final String viewName;
  private final String fileName;
  private final String queryId;
  private final List<EventColumn> leftOut;

  DerivedTable(String viewName, String fileName, String queryId, EventColumn... leftOut) {
    this.viewName = viewName;
    this.fileName = fileName;
    this.queryId = queryId;
    this.leftOut = List.of(leftOut);
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

  /**
   * The columns of its query that a run of a store of this format version leaves out of the table. Reading the raw
   * {@code userIdentity} back and writing it again was 1.5 of the 2.3 CPU-s that deriving the focus events took on
   * 1M events (bench/README, round four).
   */
  public List<String> leftOutColumns(int storeVersion) {
    return storeVersion >= StoreFormat.FOCUS_EVENTS_WITHOUT_RAW_IDENTITY
        ? leftOut.stream().map(EventColumn::columnName).toList()
        : List.of();
  }
}
