-- id: store_view_derived
-- title: A derived table across the committed runs
-- description: One of the per-run derived tables (focus events, role sightings, event hours) across the committed runs (internal).
SELECT * FROM read_parquet(CAST({{files}} AS JSON)::VARCHAR[], hive_partitioning = false)
