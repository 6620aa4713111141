-- id: store_view_events
-- title: The events of a run being written
-- description: The events a run being written holds, with event_date computed from event_time as in every store format, for its derived tables (internal).
CREATE VIEW events AS
SELECT *, CAST(event_time AS DATE) AS event_date FROM read_parquet({{events_glob}}, hive_partitioning = false)
