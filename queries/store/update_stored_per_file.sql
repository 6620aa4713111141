-- id: store_update_stored_per_file
-- title: Stored and duplicate records of each file after deduplication
-- description: Sets each file's stored records to those deduplication kept and counts the rest it handed on as duplicates (internal).
-- A file's manifest row is written as the file is read, with every record it handed on counted as stored; only a run
-- that dropped records runs this, once count_unmatched_files.sql has found each file's staged records to be the ones
-- its row handed on. A file's records are counted in run_files, its dropped ones by the file rank of their record key
-- (find_dropped_events.sql); the key is the file's relative path and content hash, as in the staged events.
UPDATE run_sources
SET stored = s.stored, duplicates = run_sources.stored + run_sources.duplicates - s.stored
FROM (
  SELECT f.source_file, f.source_sha256, f.records - coalesce(d.records, 0) AS stored
  FROM run_files AS f
  LEFT JOIN (
    SELECT record_key // 1099511627776 AS file_rank, count(*) AS records
    FROM dropped
    GROUP BY file_rank
  ) AS d ON d.file_rank = f.file_rank
) AS s
WHERE run_sources.source_file = s.source_file AND run_sources.sha256 = s.source_sha256
