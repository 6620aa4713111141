-- id: report_reject_reasons
-- title: Rejects by reason, with the first of each
-- description: For the coverage section: every reject reason with its count and its first 10 rejects (file, record,
--   byte offset, reason), in file, record and offset order, so a reader can find each damaged record.
SELECT
  reason_code,
  count(*) OVER (PARTITION BY reason_code) AS rejected,
  source_file,
  source_record,
  byte_offset,
  reason
FROM rejects
QUALIFY row_number() OVER (PARTITION BY reason_code ORDER BY source_file, source_record, byte_offset, reason) <= 10
ORDER BY reason_code, source_file, source_record, byte_offset, reason
