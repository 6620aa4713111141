-- id: store_find_dropped_events
-- title: Events of a run that are not new
-- description: Keys of staged records whose event the store already holds or that repeat an earlier record of the run (internal).
-- Only event IDs seen more than once are numbered. A window over every row of a large run ran out of
-- DuckDB memory (2M events at 488 MiB), and the grouping below spills to disk when it must.
CREATE TABLE dropped AS
WITH repeated AS (
  SELECT event_id FROM read_parquet({{run_events}}) GROUP BY event_id HAVING count(*) > 1
)
SELECT source_file, source_sha256, source_record
FROM (
  SELECT
    s.source_file, s.source_sha256, s.source_record,
    row_number() OVER (PARTITION BY s.event_id ORDER BY s.source_file, s.source_sha256, s.source_record) AS copy_number
  FROM read_parquet({{run_events}}) AS s
  SEMI JOIN repeated AS r ON s.event_id = r.event_id
)
WHERE copy_number > 1
UNION
SELECT s.source_file, s.source_sha256, s.source_record
FROM read_parquet({{run_events}}) AS s
SEMI JOIN stored_ids AS k ON s.event_id = k.event_id
