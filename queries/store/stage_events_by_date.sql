-- id: store_stage_events_by_date
-- title: Write parsed events by date (store formats 1 to 3)
-- description: Streams the parser threads' Arrow batches into zstd Parquet partitioned by event date, Hive style, as stores of format 1 to 3 hold them (internal).
--   zstd level 1, Parquet V2 pages and no bloom filters take about 10 % less writer CPU and give a 6 % smaller store.
-- The writer options are stage_events.sql's and rewrite_without_dropped.sql's: keep them in step. DuckDB takes a COPY
-- option list only written out in the statement (one option's value may be an expression, not the list).
COPY (SELECT *, CAST(event_time AS DATE) AS event_date FROM incoming_batches)
TO {{events_dir}} (
  FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2, WRITE_BLOOM_FILTER false,
  PARTITION_BY (event_date), FILENAME_PATTERN 'part-{i}', ROW_GROUP_SIZE 65536
)
