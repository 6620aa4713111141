-- id: store_write_events
-- title: Write a run's events as Parquet
-- description: Writes the run's new events as zstd Parquet partitioned by event date, Hive style (internal).
COPY (
  SELECT s.*, CAST(s.event_time AS DATE) AS event_date
  FROM read_parquet({{staging_file}}) AS s
  ANTI JOIN dropped AS d
    ON s.source_file = d.source_file AND s.source_sha256 = d.source_sha256 AND s.source_record = d.source_record
) TO {{events_dir}} (
  FORMAT parquet, COMPRESSION zstd, PARTITION_BY (event_date), FILENAME_PATTERN 'part-{i}', ROW_GROUP_SIZE 65536
)
