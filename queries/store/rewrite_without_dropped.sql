-- id: store_rewrite_without_dropped
-- title: Rewrite one run file without its dropped events
-- description: Copies a run's Parquet file without the duplicate events it holds (internal).
COPY (
  SELECT s.*
  FROM read_parquet({{file}}) AS s
  ANTI JOIN dropped AS d
    ON s.source_file = d.source_file AND s.source_sha256 = d.source_sha256 AND s.source_record = d.source_record
) TO {{target}} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 65536)
