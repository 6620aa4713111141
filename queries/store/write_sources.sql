-- id: store_write_sources
-- title: Write a run's manifest
-- description: Writes the run's sources table as Parquet (internal).
COPY (SELECT * FROM run_sources ORDER BY input_root, source_file) TO {{path}} (FORMAT parquet, COMPRESSION zstd)
