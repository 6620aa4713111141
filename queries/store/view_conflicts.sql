-- id: store_view_conflicts
-- title: The conflicts view
-- description: Every version of each event ID whose copies differ in content, across the committed runs, with the version the events view keeps and whether its file is digest-verified (null: not checked) (internal).
-- A later run that adds a version lists the earlier ones again: one row per version.
CREATE VIEW conflicts AS
SELECT event_id, source_file, source_record, source_sha256, any_value(record_sha256) AS record_sha256,
  bool_or(kept) AS kept, any_value(differing_fields) AS differing_fields, bool_or(verified) AS verified
FROM read_parquet(CAST({{conflicts_files}} AS JSON)::VARCHAR[], hive_partitioning = false, union_by_name = true)
GROUP BY event_id, source_file, source_record, source_sha256
