-- id: function_history
-- title: Lambda function configuration history
-- description: CreateFunction, UpdateFunctionConfiguration and DeleteFunction calls: execution role and customer key over time.
-- view: true
SELECT
  event_time,
  event_id,
  event_name,
  coalesce(recipient_account_id, user_identity_account_id) AS account_id,
  aws_region,
  regexp_extract(json_extract_string(request_parameters, '$.functionName'), '([^:]+)$', 1) AS function_name,
  coalesce(
    json_extract_string(response_elements, '$.functionArn'),
    'arn:aws:lambda:' || aws_region || ':' || coalesce(recipient_account_id, user_identity_account_id) || ':function:'
      || regexp_extract(json_extract_string(request_parameters, '$.functionName'), '([^:]+)$', 1)) AS function_arn,
  json_extract_string(request_parameters, '$.role') AS requested_role_arn,
  coalesce(json_extract_string(response_elements, '$.role'), json_extract_string(request_parameters, '$.role'))
    AS role_arn,
  coalesce(
    json_extract_string(request_parameters, '$.kMSKeyArn'),
    json_extract_string(request_parameters, '$.kmsKeyArn'),
    json_extract_string(request_parameters, '$.KMSKeyArn'),
    json_extract_string(response_elements, '$.kMSKeyArn'),
    json_extract_string(response_elements, '$.kmsKeyArn'),
    json_extract_string(response_elements, '$.KMSKeyArn')) AS kms_key_arn,
  user_identity_arn AS caller_arn,
  error_code,
  source_file,
  source_record
FROM focus_events
WHERE event_source = 'lambda.amazonaws.com'
  AND (event_name LIKE 'CreateFunction%' OR event_name LIKE 'UpdateFunctionConfiguration%'
    OR event_name LIKE 'DeleteFunction%')
ORDER BY event_time, event_id
