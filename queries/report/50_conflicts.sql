-- id: report_conflicts
-- title: Conflicting copies
-- description: Every version of each eventID whose copies differ in content, and which version the events view holds (kept), whether the ingest found its file to match its digest (verified), with the input root its file was read under, for the report's evidence integrity section.
SELECT c.event_id, c.source_file, c.source_record, c.source_sha256, c.record_sha256, c.kept, c.differing_fields, c.verified,
  coalesce(s.input_root, '') AS input_root, coalesce(s.path_ambiguous, false) AS path_ambiguous
FROM conflicts AS c
LEFT JOIN (SELECT source_file, sha256, min(input_root) AS input_root, bool_or(path_ambiguous) AS path_ambiguous
    FROM source_copies_at((SELECT list(DISTINCT source_file) FROM conflicts)) GROUP BY source_file, sha256) AS s
  ON s.source_file = c.source_file AND s.sha256 = c.source_sha256
ORDER BY c.event_id, c.source_file, c.source_record, c.source_sha256
