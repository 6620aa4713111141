-- id: store_view_events
-- title: The events view
-- description: Every stored event, across all runs, with the event_date partition column (internal).
CREATE VIEW events AS
SELECT * FROM read_parquet({{events_glob}}, hive_partitioning = true, hive_types = {'event_date': DATE})
