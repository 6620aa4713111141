-- id: store_derive_resource_uses
-- title: Resource uses of a run
-- description: Successful calls by roles on resources a resource-based or trust policy governs (S3, SQS, SNS, Secrets Manager, ECR, sts:AssumeRole), as first and last use per role generation and resource; S3 data events shrink to these rows (internal).
-- The resource's coalesce is the first six of analysis/91_policy_access_of.sql's: keep them in step. They are not
-- one shared macro because this statement runs in the ingest's staging database and in Spark SQL, that one in the
-- analysis database.
-- GROUP BY ordinals, not ALL: DuckDB 1.4.4 split groups by ALL when HAVING names the aliases (two rows, one use each, for one role and bucket)
SELECT
  coalesce(user_identity_account_id, session_issuer_account_id, recipient_account_id) AS account_id,
  aws_region,
  event_source,
  coalesce(session_issuer_user_name, nullif(regexp_extract(user_identity_arn, 'assumed-role/([^/]+)/', 1), '')) AS role_name,
  coalesce(session_issuer_principal_id, nullif(split_part(user_identity_principal_id, ':', 1), '')) AS role_id,
  coalesce(
    json_extract_string(request_parameters, '$.bucketName'),
    json_extract_string(request_parameters, '$.queueUrl'),
    json_extract_string(request_parameters, '$.topicArn'),
    json_extract_string(request_parameters, '$.secretId'),
    json_extract_string(request_parameters, '$.repositoryName'),
    json_extract_string(request_parameters, '$.roleArn')) AS resource,
  min(event_time) AS first_used_at,
  max(event_time) AS last_used_at,
  arg_min(event_id, event_time) AS first_event_id,
  count(*) AS uses
FROM run_events
WHERE error_code IS NULL AND user_identity_type = 'AssumedRole'
  AND (event_source IN ('s3.amazonaws.com', 'sqs.amazonaws.com', 'sns.amazonaws.com', 'secretsmanager.amazonaws.com',
      'ecr.amazonaws.com')
    OR (event_source = 'sts.amazonaws.com' AND event_name = 'AssumeRole'))
GROUP BY 1, 2, 3, 4, 5, 6
HAVING resource IS NOT NULL AND role_name IS NOT NULL
