-- id: store_view_sources
-- title: The sources view
-- description: The manifest: one row per input file per ingest run (internal).
CREATE VIEW sources AS
SELECT * FROM read_parquet(CAST({{sources_files}} AS JSON)::VARCHAR[], hive_partitioning = false)
