-- id: store_count_unmatched_files
-- title: Run files whose staged records are not the ones they handed on
-- description: How many files of the run hold staged records that differ in number from those their manifest row handed on (stored + duplicates), or hold staged records without a row; a run has none (internal).
-- Run after find_dropped_events.sql, which counts each file's staged records in run_files, and before any row is
-- corrected: a record lost between a parser thread and the event files would otherwise be counted as a duplicate.
SELECT count(*)
FROM (
  SELECT source_file, sha256, stored + duplicates AS handed_on
  FROM run_sources
  WHERE stored + duplicates > 0
) AS s
FULL JOIN run_files AS f ON s.source_file = f.source_file AND s.sha256 = f.source_sha256
WHERE s.handed_on IS DISTINCT FROM f.records
