-- id: store_view_events
-- title: The events of a run being written
-- description: The events a run being written holds, with the event_date partition column, for its derived tables (internal).
CREATE VIEW events AS
SELECT * FROM read_parquet({{events_glob}}, hive_partitioning = true, hive_types = {'event_date': DATE})
