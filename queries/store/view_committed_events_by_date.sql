-- id: store_view_committed_events_by_date
-- title: The events view of a store of format 1 to 3
-- description: Every stored event of the committed runs of a store whose runs hold their events in event_date=YYYY-MM-DD directories, with event_date (the UTC day of event_time) (internal).
-- The files are the committed runs' event files, one JSON list (a run without its commit marker is not in it).
-- Files that trailsleuth rewrote at deduplication before store format 4 also hold event_date as a column: union_by_name
-- reads every file's own columns, and that column is left out for the same day computed from event_time.
CREATE VIEW events AS
SELECT COLUMNS(c -> c <> 'event_date'), CAST(event_time AS DATE) AS event_date
FROM read_parquet(CAST({{events_files}} AS JSON)::VARCHAR[], hive_partitioning = false, union_by_name = true)
