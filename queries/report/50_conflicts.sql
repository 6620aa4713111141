-- id: report_conflicts
-- title: Conflicting copies
-- description: Every version of each eventID whose copies differ in content, and which version the events view holds (kept), for the report's evidence integrity section.
SELECT event_id, source_file, source_record, source_sha256, record_sha256, kept, differing_fields
FROM conflicts
ORDER BY event_id, source_file, source_record, source_sha256
