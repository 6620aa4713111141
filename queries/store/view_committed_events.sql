-- id: store_view_committed_events
-- title: The events view
-- description: Every stored event of the committed runs, with the event_date partition column (internal).
-- The files are the committed runs' event files, one JSON list (a run without its commit marker is not in it).
CREATE VIEW events AS
SELECT * FROM read_parquet(CAST({{events_files}} AS JSON)::VARCHAR[], hive_partitioning = true,
  hive_types = {'event_date': DATE})
