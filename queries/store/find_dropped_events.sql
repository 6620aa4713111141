-- id: store_find_dropped_events
-- title: Events of a run that are not new
-- description: Keys of staged records whose event the store already holds or that repeat an earlier record of the run (internal).
CREATE TABLE dropped AS
SELECT source_file, source_sha256, source_record
FROM (
  SELECT
    source_file, source_sha256, source_record,
    row_number() OVER (PARTITION BY event_id ORDER BY source_file, source_sha256, source_record) AS copy_number
  FROM read_parquet({{run_events}})
)
WHERE copy_number > 1
UNION
SELECT s.source_file, s.source_sha256, s.source_record
FROM read_parquet({{run_events}}) AS s
SEMI JOIN stored_ids AS k ON s.event_id = k.event_id
