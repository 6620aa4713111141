-- id: store_find_dropped_events
-- title: Events of a run that are not new
-- description: Numbers the run's files and lists, as record keys, the staged records whose event the store already holds or that repeat an earlier record of the run (internal).
-- A record key is file_rank * 2^40 + source_record, where file_rank numbers the run's (source_file,
-- source_sha256) pairs in order. Of the records that share an event ID, the one with the smallest key, the
-- first by (preferred, source_file, source_sha256, source_record), is kept. Keys, not names and hashes, and grouping,
-- not a window: with the full keys, or a window, DuckDB ran out of memory when a run held the same 1M
-- events twice (two trails delivering one account's events).
-- Repeats are found by a 64-bit hash of the event ID first, and only the records whose hash repeats are grouped by the
-- ID itself, which keeps the result exact: grouping every record by its ID string held a hash table of all IDs
-- (0.3 s and most of the staging memory at 1M events).
-- run_files also counts each file's staged records, for the accounting (stored_per_file.sql).
-- Files in preferred_files (digest-verified copies by path and content hash, when the caller knows them) rank first,
-- so the copy a verified file holds is the one kept, also when another input root holds a changed copy at that path.
CREATE OR REPLACE TABLE run_files AS
WITH files AS (
  SELECT source_file, source_sha256, count(*) AS records
  FROM read_parquet({{run_events}}, hive_partitioning = false)
  GROUP BY source_file, source_sha256
)
SELECT f.source_file, f.source_sha256, f.records,
  row_number() OVER (ORDER BY p.source_file IS NULL, f.source_file, f.source_sha256) AS file_rank
FROM files AS f
LEFT JOIN (SELECT DISTINCT source_file, source_sha256 FROM preferred_files) AS p
  ON f.source_file = p.source_file AND f.source_sha256 = p.source_sha256;

CREATE OR REPLACE TABLE dropped AS
WITH keyed AS NOT MATERIALIZED (
  SELECT s.event_id, f.file_rank * 1099511627776 + s.source_record AS record_key
  FROM read_parquet({{run_events}}, hive_partitioning = false) AS s
  JOIN run_files AS f ON s.source_file = f.source_file AND s.source_sha256 = f.source_sha256
),
repeated_hashes AS (
  SELECT hash(event_id) AS id_hash
  FROM read_parquet({{run_events}}, hive_partitioning = false)
  GROUP BY id_hash
  HAVING count(*) > 1
),
candidates AS MATERIALIZED (
  SELECT k.event_id, k.record_key
  FROM keyed AS k
  SEMI JOIN repeated_hashes AS h ON hash(k.event_id) = h.id_hash
),
repeated AS (
  SELECT event_id, min(record_key) AS kept
  FROM candidates
  GROUP BY event_id
  HAVING count(*) > 1
)
SELECT c.record_key
FROM candidates AS c
JOIN repeated AS r ON c.event_id = r.event_id
WHERE c.record_key <> r.kept
UNION
SELECT k.record_key
FROM keyed AS k
SEMI JOIN stored_ids AS i ON k.event_id = i.event_id;
