-- id: store_write_snapshots
-- title: Write a run's snapshot items
-- description: Writes the items of the run's snapshot files (CLI outputs, AWS Config files) as Parquet (internal).
COPY (SELECT * FROM run_snapshots ORDER BY source_file, source_sha256, item_index) TO {{path}} (FORMAT parquet, COMPRESSION zstd)
