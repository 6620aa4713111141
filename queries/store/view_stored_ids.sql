-- id: store_view_stored_ids
-- title: Events already stored
-- description: Every event in the committed runs, and their event IDs, for deduplication and conflict checks (internal).
CREATE VIEW stored_events AS
SELECT * FROM read_parquet({{events_glob}}, hive_partitioning = false);

CREATE VIEW stored_ids AS
SELECT event_id FROM stored_events;
