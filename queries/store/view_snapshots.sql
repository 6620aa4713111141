-- id: store_view_snapshots
-- title: The snapshots view
-- description: Items of point-in-time snapshots (kms list-grants, iam get-role, lambda configuration, AWS Config) across the committed runs (internal).
CREATE VIEW snapshots AS
SELECT * FROM read_parquet(CAST({{snapshots_files}} AS JSON)::VARCHAR[], hive_partitioning = false)
