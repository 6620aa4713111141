-- id: store_view_stored_ids
-- title: Events already stored
-- description: Every event in the committed runs, and their event IDs, for deduplication and conflict checks (internal).
-- The files are the committed runs' event files, one JSON list (a run without its commit marker is not in it).
CREATE VIEW stored_events AS
SELECT * FROM read_parquet(CAST({{events_files}} AS JSON)::VARCHAR[], hive_partitioning = false);

CREATE VIEW stored_ids AS
SELECT event_id FROM stored_events;
