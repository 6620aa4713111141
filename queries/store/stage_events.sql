-- id: store_stage_events
-- title: Write parsed events
-- description: Streams the parser threads' Arrow batches into zstd Parquet files directly under the run's events directory, a new file after about 16 MB (internal).
--   No date partitions (store format 4): DuckDB's partitioned write copied every row into per-day buffers first, which
--   cost about 1.8 of 15.7 CPU-s and 100 MB of memory per 1M events. Readers compute event_date from event_time.
--   Files of about 16 MB (about 200,000 events) keep deduplication cheap: it rewrites only the files that hold a dropped
--   copy, and the records of one input file are written together.
--   zstd level 1, Parquet V2 pages and no bloom filters take about 10 % less writer CPU and give a 6 % smaller store.
--   Row groups of 32,768 rows: 80-100 MB less memory than 65,536 at the same CPU and store size (1M events); 131,072
--   made DuckDB spill to disk under the staging memory limit and doubled the ingest's CPU.
COPY (SELECT * FROM incoming_batches)
TO {{events_dir}} (
  FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2, WRITE_BLOOM_FILTER false,
  FILE_SIZE_BYTES '16MB', FILENAME_PATTERN 'part-{i}', ROW_GROUP_SIZE 32768
)
