-- id: source_copies
-- title: Source files by input root
-- description: Each file read (its path relative to its input root and its SHA-256) with the input root it was read under, and whether its path is ambiguous: more than one input root holds a file read at that path, so a citation must name the root. The same as source_copies_at (87) for every file: keep the two in step.
-- view: true
WITH copies AS (
  SELECT DISTINCT input_root, source_file, sha256
  FROM sources
  WHERE sha256 <> ''
),
roots AS (
  SELECT source_file, count(DISTINCT input_root) AS input_roots
  FROM copies
  GROUP BY source_file
)
SELECT c.input_root, c.source_file, c.sha256, r.input_roots > 1 AS path_ambiguous
FROM copies AS c
JOIN roots AS r ON r.source_file = c.source_file
ORDER BY c.source_file, c.sha256, c.input_root
