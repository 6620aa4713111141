-- id: report_decrypt_series
-- title: Decrypt outcomes of one function over time
-- description: Successful and denied kms:Decrypt calls of one Lambda function (account, region and session name, which Lambda sets to the function name), counted per bucket of bucket_seconds counted from bucket_origin (an ISO UTC time); buckets before the origin have negative numbers. Feeds the HTML report's timeline chart.
-- params: account, region, function, bucket_origin, bucket_seconds
SELECT
  CAST(floor((epoch_ms(event_time) - epoch_ms(CAST($bucket_origin AS TIMESTAMP)))
    / (1000.0 * CAST($bucket_seconds AS BIGINT))) AS BIGINT) AS bucket,
  count(*) FILTER (WHERE NOT coalesce(denied, false)) AS succeeded,
  count(*) FILTER (WHERE coalesce(denied, false)) AS denied,
  min(event_time) AS first_event_time,
  max(event_time) AS last_event_time
FROM decrypt_outcomes
WHERE account_id = $account AND aws_region = $region AND session_name = $function
GROUP BY bucket
ORDER BY bucket
