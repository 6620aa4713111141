-- id: store_write_events
-- title: Write a run's events as Parquet
-- description: Writes the new events as zstd Parquet partitioned by event date, Hive style (internal).
COPY (
  SELECT *, CAST(event_time AS DATE) AS event_date
  FROM fresh
  ORDER BY event_time, event_id
) TO {{events_dir}} (
  FORMAT parquet, COMPRESSION zstd, PARTITION_BY (event_date), FILENAME_PATTERN 'part-{i}', ROW_GROUP_SIZE 122880
)
