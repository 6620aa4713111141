-- id: store_write_rejects
-- title: Write a run's rejects
-- description: Writes the run's rejects table as Parquet (internal).
COPY (SELECT * FROM run_rejects ORDER BY source_file, source_record, byte_offset)
TO {{path}} (FORMAT parquet, COMPRESSION zstd)
