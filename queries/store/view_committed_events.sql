-- id: store_view_committed_events
-- title: The events view
-- description: Every stored event of the committed runs, with event_date (the UTC day of event_time) (internal).
-- The files are the committed runs' event files, one JSON list (a run without its commit marker is not in it).
-- Stores of format 1 to 3 hold the events in event_date=YYYY-MM-DD directories, whose names give the same day; the
-- day is computed from event_time for every format alike, so a store reads the same whatever its layout.
CREATE VIEW events AS
SELECT *, CAST(event_time AS DATE) AS event_date
FROM read_parquet(CAST({{events_files}} AS JSON)::VARCHAR[], hive_partitioning = false)
