-- id: decrypt_outcomes
-- title: KMS Decrypt outcomes
-- description: Every kms:Decrypt with its principal, role generation, session (the function for Lambda), key and whether it was denied.
-- view: true
SELECT
  event_time,
  event_id,
  coalesce(user_identity_account_id, recipient_account_id) AS account_id,
  aws_region,
  user_identity_arn AS principal_arn,
  user_identity_type AS principal_type,
  session_issuer_user_name AS role_name,
  coalesce(session_issuer_principal_id, nullif(split_part(user_identity_principal_id, ':', 1), '')) AS role_id,
  CASE WHEN user_identity_type = 'AssumedRole' THEN nullif(split_part(user_identity_principal_id, ':', 2), '') END
    AS session_name,
  json_extract_string(request_parameters, '$.encryptionContext."aws:lambda:FunctionArn"') AS function_arn,
  coalesce(
    json_extract_string(request_parameters, '$.keyId'),
    nullif(regexp_extract(error_message, 'on resource: (arn:[^ ]+)', 1), ''),
    json_extract_string(resources, '$[0].ARN')) AS key_arn,
  error_code,
  coalesce(error_code IN ('AccessDenied', 'AccessDeniedException', 'KMSAccessDeniedException',
    'UnrecognizedClientException'), false) AS denied,
  error_message,
  source_file,
  source_record
FROM focus_events
WHERE event_source = 'kms.amazonaws.com' AND event_name = 'Decrypt'
ORDER BY event_time, event_id
