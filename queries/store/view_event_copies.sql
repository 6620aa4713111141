-- id: store_view_event_copies
-- title: Every copy of the run's repeated events
-- description: Each copy, in this run or in an earlier one, of an event ID that a dropped record of the run repeats, with whether the events view keeps it (internal).
-- An event repeats exactly when one of the run's records for it was dropped: either an earlier run holds it
-- (that copy is the one kept) or the run holds it more than once (the copy with the smallest record key is kept).
-- content is every column but the provenance ones (source_file, source_record, source_sha256, source_shape, source_offset, source_length), as JSON, for the comparison of copies.
CREATE TABLE repeated_ids AS
SELECT DISTINCT s.event_id
FROM read_parquet({{run_events}}, hive_partitioning = false) AS s
JOIN run_files AS f ON s.source_file = f.source_file AND s.source_sha256 = f.source_sha256
SEMI JOIN dropped AS d ON d.record_key = f.file_rank * 1099511627776 + s.source_record;

CREATE VIEW event_copies AS
WITH run_copies AS (
  SELECT s.*, d.record_key IS NULL AS kept, false AS earlier_run
  FROM read_parquet({{run_events}}, hive_partitioning = false) AS s
  JOIN run_files AS f ON s.source_file = f.source_file AND s.source_sha256 = f.source_sha256
  SEMI JOIN repeated_ids AS r ON s.event_id = r.event_id
  LEFT JOIN dropped AS d ON d.record_key = f.file_rank * 1099511627776 + s.source_record
),
earlier_copies AS (
  SELECT e.*, true AS kept, true AS earlier_run
  FROM stored_events AS e
  SEMI JOIN repeated_ids AS r ON e.event_id = r.event_id
),
copies AS (
  SELECT * FROM run_copies
  UNION ALL BY NAME
  SELECT * FROM earlier_copies
)
SELECT event_id, source_file, source_record, source_sha256, kept, earlier_run,
  to_json(struct_pack(*COLUMNS(c -> c NOT IN ('source_file', 'source_record', 'source_sha256', 'source_shape',
    'source_offset', 'source_length', 'kept', 'earlier_run', 'event_date')))) AS content
FROM copies;
