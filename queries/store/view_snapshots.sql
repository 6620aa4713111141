-- id: store_view_snapshots
-- title: The snapshots view
-- description: Items of point-in-time snapshots (kms list-grants, iam get-role, lambda configuration, AWS Config) across runs (internal).
CREATE VIEW snapshots AS
SELECT * FROM read_parquet({{snapshots_glob}})
