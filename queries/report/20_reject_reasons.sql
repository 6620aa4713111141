-- id: report_reject_reasons
-- title: Rejects by reason
-- description: How many records were rejected for each reason, for the coverage section.
SELECT reason_code, count(*) AS rejected FROM rejects GROUP BY reason_code ORDER BY reason_code
