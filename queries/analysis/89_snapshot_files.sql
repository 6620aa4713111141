-- id: snapshot_files
-- title: Snapshot files
-- description: Each snapshot file (CLI output or AWS Config file) the store holds items of: its kind, its number of items, the input root it was read under (the first by name when more than one root holds it; empty when the manifest does not list it) and whether its path is ambiguous.
WITH files AS (
  SELECT source_file, source_sha256, arg_min(kind, item_index) AS kind, count(*) AS items
  FROM snapshots
  GROUP BY source_file, source_sha256
),
copies AS (
  SELECT s.source_file, s.sha256 AS source_sha256, min(s.input_root) AS input_root, bool_or(s.path_ambiguous) AS path_ambiguous
  FROM source_copies_at((SELECT list(DISTINCT source_file) FROM snapshots)) AS s
  GROUP BY s.source_file, s.sha256
)
SELECT f.source_file, f.source_sha256, f.kind, f.items, coalesce(c.input_root, '') AS input_root,
  coalesce(c.path_ambiguous, false) AS path_ambiguous
FROM files AS f
LEFT JOIN copies AS c ON c.source_file = f.source_file AND c.source_sha256 = f.source_sha256
ORDER BY f.source_file, f.source_sha256
