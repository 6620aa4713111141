-- id: store_files_with_dropped_events
-- title: Run files that hold dropped events
-- description: The run's Parquet files that hold a duplicate event and must be rewritten without it (internal).
SELECT DISTINCT s.filename
FROM read_parquet({{run_events}}, hive_partitioning = false, filename = true) AS s
JOIN run_files AS f ON s.source_file = f.source_file AND s.source_sha256 = f.source_sha256
SEMI JOIN dropped AS d ON d.record_key = f.file_rank * 1099511627776 + s.source_record
ORDER BY s.filename
