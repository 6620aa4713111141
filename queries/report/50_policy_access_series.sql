-- id: report_policy_access_series
-- title: Calls of one role on one policy-governed resource over time
-- description: Successful and denied calls of a role (account and name) on one resource (its policy_access target key), counted per bucket of bucket_seconds counted from bucket_origin (an ISO UTC time); successful uses aggregated at ingest count at their first time. Feeds the HTML report's policy drift charts.
-- params: role_account, role_name, target_key, bucket_origin, bucket_seconds
SELECT
  CAST(floor((epoch_ms(event_time) - epoch_ms(CAST($bucket_origin AS TIMESTAMP)))
    / (1000.0 * CAST($bucket_seconds AS BIGINT))) AS BIGINT) AS bucket,
  coalesce(sum(calls) FILTER (WHERE NOT denied), 0) AS succeeded,
  coalesce(sum(calls) FILTER (WHERE denied), 0) AS denied
FROM policy_access_of(true)
WHERE role_account_id = $role_account AND role_name = $role_name AND target_key = $target_key
GROUP BY bucket
ORDER BY bucket
