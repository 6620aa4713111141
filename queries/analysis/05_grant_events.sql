-- id: grant_events
-- title: KMS grant events
-- description: Every CreateGrant, RetireGrant and RevokeGrant with its key, function constraint, grant ID and grantee role and session (the ledger adds the role generation).
-- view: true
WITH grant_calls AS (
  SELECT
    event_time,
    event_id,
    event_name,
    coalesce(recipient_account_id, user_identity_account_id) AS account_id,
    aws_region,
    coalesce(
      json_extract_string(response_elements, '$.keyId'),
      json_extract_string(request_parameters, '$.keyId'),
      json_extract_string(resources, '$[0].ARN')) AS key_arn,
    json_extract_string(request_parameters, '$.constraints.encryptionContextEquals."aws:lambda:FunctionArn"') AS function_arn,
    json_extract_string(request_parameters, '$.granteePrincipal') AS grantee_principal,
    nullif(regexp_extract(
      json_extract_string(request_parameters, '$.constraints.encryptionContextEquals."aws:lambda:FunctionArn"'),
      ':function:([^:]+)', 1), '') AS constrained_function_name,
    coalesce(
      json_extract_string(response_elements, '$.grantId'),
      json_extract_string(request_parameters, '$.grantId'),
      json_extract_string(additional_event_data, '$.grantId')) AS grant_id,
    json_extract(request_parameters, '$.operations')::VARCHAR AS operations,
    invoked_by = 'lambda.amazonaws.com' AS made_by_lambda,
    user_identity_arn AS caller_arn,
    error_code,
    source_file,
    source_record
  FROM focus_events
  WHERE event_source = 'kms.amazonaws.com' AND event_name IN ('CreateGrant', 'RetireGrant', 'RevokeGrant')
),
-- The grantee is arn:...:assumed-role/ROLE/SESSION and Lambda's session name is the function name, so ROLE is what
-- lies between "assumed-role/" and "/FUNCTION"; that holds even when a forged name contains "/".
named_grants AS (
  SELECT
    * EXCLUDE (constrained_function_name),
    CASE
      WHEN constrained_function_name IS NOT NULL
        AND ends_with(grantee_principal, '/' || constrained_function_name)
        AND strpos(grantee_principal, 'assumed-role/') > 0
      THEN substr(grantee_principal, strpos(grantee_principal, 'assumed-role/') + 13,
        length(grantee_principal) - length(constrained_function_name) - strpos(grantee_principal, 'assumed-role/') - 13)
      ELSE nullif(regexp_extract(grantee_principal, 'assumed-role/([^/]+)/', 1), '')
    END AS grantee_role_name,
    CASE
      WHEN constrained_function_name IS NOT NULL AND ends_with(grantee_principal, '/' || constrained_function_name)
      THEN constrained_function_name
      ELSE nullif(regexp_extract(grantee_principal, 'assumed-role/[^/]+/(.+)$', 1), '')
    END AS grantee_session_name
  FROM grant_calls)
SELECT
  *,
  nullif(regexp_extract(function_arn, '^arn:[^:]+:lambda:([^:]+):', 1), '') AS function_region,
  nullif(regexp_extract(function_arn, ':function:([^:]+)', 1), '') AS function_name
FROM named_grants
