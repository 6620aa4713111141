-- id: store_write_conflicts
-- title: Write a run's conflicting copies
-- description: Writes the run's conflicts table (every version of each event whose copies differ) as Parquet (internal).
COPY (SELECT * FROM run_conflicts ORDER BY event_id, source_file, source_sha256, source_record)
TO {{path}} (FORMAT parquet, COMPRESSION zstd)
