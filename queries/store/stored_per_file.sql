-- id: store_stored_per_file
-- title: Events stored per input file
-- description: How many of each file's events this run stores, for the accounting (internal).
WITH totals AS (
  SELECT source_file, source_sha256, count(*) AS records
  FROM read_parquet({{run_events}}, hive_partitioning = false)
  GROUP BY source_file, source_sha256
),
drops AS (
  SELECT record_key // 1099511627776 AS file_rank, count(*) AS records
  FROM dropped
  GROUP BY file_rank
)
SELECT t.source_file, t.source_sha256, t.records - coalesce(d.records, 0) AS stored
FROM totals AS t
JOIN run_files AS f ON t.source_file = f.source_file AND t.source_sha256 = f.source_sha256
LEFT JOIN drops AS d ON d.file_rank = f.file_rank
