-- id: store_rewrite_without_dropped
-- title: Rewrite one run file without its dropped events
-- description: Copies a run's Parquet file without the duplicate events it holds (internal).
COPY (
  SELECT s.*
  FROM read_parquet({{file}}) AS s
  JOIN run_files AS f ON s.source_file = f.source_file AND s.source_sha256 = f.source_sha256
  ANTI JOIN dropped AS d ON d.record_key = f.file_rank * 1099511627776 + s.source_record
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 65536)
