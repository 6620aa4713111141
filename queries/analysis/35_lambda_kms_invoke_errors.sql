-- id: lambda_kms_invoke_errors
-- title: Lambda invocations that failed on KMS
-- description: Lambda Invoke data events whose error names KMS (KMSAccessDeniedException and similar): extra evidence of a broken grant.
-- view: true
SELECT
  event_time,
  event_id,
  coalesce(recipient_account_id, user_identity_account_id) AS account_id,
  aws_region,
  regexp_extract(json_extract_string(request_parameters, '$.functionName'), '([^:]+)$', 1) AS function_name,
  error_code,
  error_message,
  source_file,
  source_record
FROM focus_events
WHERE event_source = 'lambda.amazonaws.com' AND event_name LIKE 'Invoke%'
  AND (error_code ILIKE '%KMS%' OR error_message ILIKE '%KMS%')
ORDER BY event_time, event_id
