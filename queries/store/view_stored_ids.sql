-- id: store_view_stored_ids
-- title: Event IDs already stored
-- description: Every event_id in the committed runs, for deduplication (internal).
CREATE VIEW stored_ids AS
SELECT event_id FROM read_parquet({{events_glob}})
