-- id: actor_events
-- title: Role and function change events with their actors
-- description: Who changed IAM roles and Lambda functions, from where and with what client (the inputs to actor attribution).
-- view: true
SELECT
  event_time,
  event_id,
  event_name,
  event_source,
  coalesce(recipient_account_id, user_identity_account_id) AS account_id,
  coalesce(json_extract_string(request_parameters, '$.roleName'),
    regexp_extract(json_extract_string(request_parameters, '$.functionName'), '([^:]+)$', 1)) AS target_name,
  user_identity_arn AS actor_arn,
  user_identity_type AS actor_type,
  source_ip_address,
  user_agent,
  invoked_by,
  session_credential_from_console,
  error_code,
  source_file,
  source_record
FROM focus_events
WHERE (event_source = 'iam.amazonaws.com' AND event_name IN ('CreateRole', 'DeleteRole', 'DetachRolePolicy',
    'DeleteRolePolicy', 'AttachRolePolicy', 'PutRolePolicy', 'UpdateAssumeRolePolicy'))
  OR (event_source = 'lambda.amazonaws.com' AND (event_name LIKE 'CreateFunction%'
    OR event_name LIKE 'UpdateFunctionConfiguration%' OR event_name LIKE 'DeleteFunction%'))
ORDER BY event_time, event_id
