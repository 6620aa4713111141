-- id: store_stage_events
-- title: Write parsed events
-- description: Streams the parser threads' Arrow batches into zstd Parquet partitioned by event date, Hive style (internal).
COPY (SELECT *, CAST(event_time AS DATE) AS event_date FROM incoming_batches)
TO {{events_dir}} (
  FORMAT parquet, COMPRESSION zstd, PARTITION_BY (event_date), FILENAME_PATTERN 'part-{i}', ROW_GROUP_SIZE 65536
)
