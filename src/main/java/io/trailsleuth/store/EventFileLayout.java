package io.trailsleuth.store;

/** Where a store's runs put their event files, by store format version, and the queries that write and read them. */
public enum EventFileLayout {
  /** Formats 1 to 3: {@code events/event_date=YYYY-MM-DD/part-N.parquet}. */
  DATE_PARTITIONS("store_stage_events_by_date", "store_view_committed_events_by_date", "store_view_stored_ids_by_date"),
  /** Format 4 on: {@code events/part-N.parquet}, directly under the run's events directory. */
  FLAT("store_stage_events", "store_view_committed_events", "store_view_stored_ids");

  private final String stageQuery;
  private final String committedEventsQuery;
  private final String storedIdsQuery;

  EventFileLayout(String stageQuery, String committedEventsQuery, String storedIdsQuery) {
    this.stageQuery = stageQuery;
    this.committedEventsQuery = committedEventsQuery;
    this.storedIdsQuery = storedIdsQuery;
  }

  /** The layout of every run of a store of this format version. */
  public static EventFileLayout of(int storeVersion) {
    return storeVersion < StoreFormat.EVENTS_WITHOUT_DATE_PARTITIONS ? DATE_PARTITIONS : FLAT;
  }

  /** The statement that writes a run's parsed events. */
  String stageQuery() {
    return stageQuery;
  }

  /** The {@code events} view over the committed runs' event files. */
  String committedEventsQuery() {
    return committedEventsQuery;
  }

  /** The {@code stored_events} and {@code stored_ids} views that deduplication reads. */
  String storedIdsQuery() {
    return storedIdsQuery;
  }
}
