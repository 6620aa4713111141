-- id: store_rewrite_without_dropped
-- title: Rewrite one run file without its dropped events
-- description: Copies a run's Parquet file without the duplicate events it holds (internal).
-- Read without Hive partitioning and written with the settings of the first write (stage_events.sql): before store
-- format 4 the rewrite also wrote the date partition's event_date into the file, as a column of its own.
COPY (
  SELECT s.*
  FROM read_parquet({{file}}, hive_partitioning = false) AS s
  JOIN run_files AS f ON s.source_file = f.source_file AND s.source_sha256 = f.source_sha256
  ANTI JOIN dropped AS d ON d.record_key = f.file_rank * 1099511627776 + s.source_record
) TO {{target}} (
  FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2, WRITE_BLOOM_FILTER false, ROW_GROUP_SIZE 32768
)
