-- id: decrypt_summary
-- title: Decrypt outcomes per function, session and role generation
-- description: Counts of successful and denied kms:Decrypt per account, region, session (the function for Lambda) and role generation.
SELECT
  d.account_id,
  d.aws_region,
  coalesce(regexp_extract(d.function_arn, ':function:([^:]+)', 1), d.session_name) AS function_or_session,
  d.role_name,
  d.role_id,
  l.generation AS role_generation,
  count(*) FILTER (WHERE NOT d.denied AND d.error_code IS NULL) AS succeeded,
  count(*) FILTER (WHERE d.denied) AS denied,
  count(*) FILTER (WHERE NOT d.denied AND d.error_code IS NOT NULL) AS failed_otherwise,
  min(d.event_time) AS first_at,
  max(d.event_time) AS last_at
FROM decrypt_outcomes AS d
LEFT JOIN role_lineage AS l ON l.account_id = d.account_id AND l.role_name = d.role_name AND l.role_id = d.role_id
GROUP BY ALL
ORDER BY d.account_id, d.aws_region, function_or_session, first_at
