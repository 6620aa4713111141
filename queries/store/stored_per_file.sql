-- id: store_stored_per_file
-- title: Events stored per input file
-- description: How many of each file's events this run stores, for the accounting (internal).
SELECT s.source_file, s.source_sha256, count(*) AS stored
FROM read_parquet({{run_events}}) AS s
ANTI JOIN dropped AS d
  ON s.source_file = d.source_file AND s.source_sha256 = d.source_sha256 AND s.source_record = d.source_record
GROUP BY s.source_file, s.source_sha256
