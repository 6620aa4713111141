-- id: store_view_derived
-- title: A derived table across runs
-- description: One of the per-run derived tables (focus events, role sightings, event hours) across all runs (internal).
SELECT * FROM read_parquet({{glob}})
