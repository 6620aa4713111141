-- id: store_view_conflicts
-- title: The conflicts view
-- description: Every version of each event ID whose copies differ in content, across all runs, with the version the events view keeps (internal).
CREATE VIEW conflicts AS
SELECT DISTINCT * EXCLUDE (run_id) FROM read_parquet({{conflicts_glob}})
