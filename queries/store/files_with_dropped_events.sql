-- id: store_files_with_dropped_events
-- title: Run files that hold dropped events
-- description: The run's Parquet files that hold a duplicate event and must be rewritten without it (internal).
SELECT DISTINCT s.filename
FROM read_parquet({{run_events}}, filename = true) AS s
SEMI JOIN dropped AS d
  ON s.source_file = d.source_file AND s.source_sha256 = d.source_sha256 AND s.source_record = d.source_record
ORDER BY s.filename
