-- id: report_reject_reasons
-- title: Rejects by reason, with the first of each
-- description: For the coverage section: every reject reason with its count and its first 10 rejects (file, record,
--   byte offset, reason, and the file's input root when another input root holds a different file at its path), in
--   file, record and offset order, so a reader can find each damaged record.
WITH located AS (
  SELECT
    r.*,
    (SELECT min(c.input_root) FROM source_copies_at((SELECT list(DISTINCT source_file) FROM rejects)) AS c
      WHERE c.source_file = r.source_file AND c.sha256 = r.source_sha256 AND c.path_ambiguous) AS input_root
  FROM rejects AS r
)
SELECT
  reason_code,
  count(*) OVER (PARTITION BY reason_code) AS rejected,
  source_file,
  source_record,
  byte_offset,
  reason,
  input_root
FROM located
QUALIFY row_number() OVER (PARTITION BY reason_code ORDER BY source_file, source_record, byte_offset, reason, input_root)
  <= 10
ORDER BY reason_code, source_file, source_record, byte_offset, reason, input_root
