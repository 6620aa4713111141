-- id: store_view_rejects
-- title: The rejects view
-- description: Every record or rest of file that could not be stored, with its reason (internal).
CREATE VIEW rejects AS
SELECT * FROM read_parquet(CAST({{rejects_files}} AS JSON)::VARCHAR[], hive_partitioning = false)
