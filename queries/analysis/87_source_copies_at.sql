-- id: source_copies_at
-- title: Source files at given paths, by input root
-- description: The files read at the given paths (files: a list of paths relative to their input roots), each with its SHA-256, the input root it was read under, and whether its path is ambiguous: more than one input root holds a file read at that path, so a citation must name the root. The report queries look up the paths they cite: computed for every file (the view source_copies), it took 930 MB and 2.5 s on a store of a million files, once per query.
-- macro: files
-- The view source_copies (88) is the same for every file, without the list: keep the two in step. One defined by
-- the other ran 2.5 times slower for every file (a list of a million paths), or read every file for a few.
WITH copies AS (
  SELECT DISTINCT s.input_root, s.source_file, s.sha256
  FROM sources AS s
  SEMI JOIN (SELECT unnest(files) AS source_file) AS wanted ON wanted.source_file = s.source_file
  WHERE s.sha256 <> ''
),
roots AS (
  SELECT source_file, count(DISTINCT input_root) AS input_roots
  FROM copies
  GROUP BY source_file
)
SELECT c.input_root, c.source_file, c.sha256, r.input_roots > 1 AS path_ambiguous
FROM copies AS c
JOIN roots AS r ON r.source_file = c.source_file
