-- id: store_view_stored_ids_by_date
-- title: Events already stored in a store of format 1 to 3
-- description: Every event in the committed runs of a store whose runs hold their events in date partitions, and their event IDs, for deduplication and conflict checks (internal).
-- The files are the committed runs' event files, one JSON list (a run without its commit marker is not in it).
-- Files that trailsleuth rewrote at deduplication before store format 4 also hold event_date as a column: union_by_name
-- reads every file's own columns, and that column is left out.
CREATE VIEW stored_events AS
SELECT COLUMNS(c -> c <> 'event_date')
FROM read_parquet(CAST({{events_files}} AS JSON)::VARCHAR[], hive_partitioning = false, union_by_name = true);

CREATE VIEW stored_ids AS
SELECT event_id FROM stored_events;
