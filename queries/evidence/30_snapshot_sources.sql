-- id: store_evidence_snapshot_sources
-- title: Where the snapshot files were read
-- description: For each snapshot file (CLI output or AWS Config file) the store holds items of, the input root it was read under and whether its path is ambiguous (another input root holds a file read at it), for the report and the findings JSON (internal).
SELECT s.input_root, s.source_file, s.sha256 AS source_sha256, s.path_ambiguous
FROM source_copies_at((SELECT list(DISTINCT source_file) FROM snapshots)) AS s
SEMI JOIN snapshots AS i ON i.source_file = s.source_file AND i.source_sha256 = s.sha256
ORDER BY s.source_file, s.sha256, s.input_root
