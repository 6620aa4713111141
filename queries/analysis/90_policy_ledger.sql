-- id: policy_ledger
-- title: Policy ledger
-- description: Every successful write or delete of a policy that can name an IAM role by ARN (S3 bucket, KMS key, role trust, SQS, SNS, Secrets Manager, ECR, Lambda permission, KMS grant), one row per role principal (Principal or NotPrincipal, string or list), with the role generation it was bound to when saved and the change that ended it.
-- view: true
-- materialize: true
WITH changes AS (
  SELECT
    event_time, event_id, event_name, event_source, aws_region,
    coalesce(recipient_account_id, user_identity_account_id) AS account_id,
    request_parameters AS request, response_elements AS response,
    coalesce(json_extract_string(resources, '$[0].ARN'), '') AS first_resource_arn,
    user_identity_arn AS actor_arn, source_file, source_record
  FROM focus_events
  WHERE error_code IS NULL AND (
    (event_source = 's3.amazonaws.com' AND event_name IN ('PutBucketPolicy', 'DeleteBucketPolicy', 'DeleteBucket'))
    OR (event_source = 'kms.amazonaws.com' AND event_name IN ('CreateKey', 'PutKeyPolicy', 'ScheduleKeyDeletion'))
    OR (event_source = 'kms.amazonaws.com' AND event_name = 'CreateGrant' AND invoked_by IS DISTINCT FROM 'lambda.amazonaws.com')
    OR (event_source = 'kms.amazonaws.com' AND event_name IN ('RetireGrant', 'RevokeGrant'))
    OR (event_source = 'iam.amazonaws.com' AND event_name IN ('CreateRole', 'UpdateAssumeRolePolicy', 'DeleteRole'))
    OR (event_source = 'sqs.amazonaws.com' AND event_name IN ('CreateQueue', 'DeleteQueue'))
    OR (event_source = 'sqs.amazonaws.com' AND event_name = 'SetQueueAttributes'
      AND json_extract(request_parameters, '$.attributes.Policy') IS NOT NULL)
    OR (event_source = 'sns.amazonaws.com' AND event_name IN ('CreateTopic', 'DeleteTopic'))
    OR (event_source = 'sns.amazonaws.com' AND event_name = 'SetTopicAttributes'
      AND json_extract_string(request_parameters, '$.attributeName') = 'Policy')
    OR (event_source = 'secretsmanager.amazonaws.com'
      AND event_name IN ('PutResourcePolicy', 'DeleteResourcePolicy', 'DeleteSecret'))
    OR (event_source = 'ecr.amazonaws.com'
      AND event_name IN ('SetRepositoryPolicy', 'DeleteRepositoryPolicy', 'DeleteRepository'))
    OR (event_source = 'lambda.amazonaws.com'
      AND (event_name LIKE 'AddPermission%' OR event_name LIKE 'RemovePermission%')))
),
-- Where each change lands: the resource it names, the key its entries are ended by (a Lambda permission and a grant
-- are their own entries), the key denials match, and the policy as written (object, JSON string or URL-encoded).
located AS (
  SELECT
    c.*,
    CASE c.event_source
      WHEN 's3.amazonaws.com' THEN 's3-bucket'
      WHEN 'iam.amazonaws.com' THEN 'iam-role-trust'
      WHEN 'sqs.amazonaws.com' THEN 'sqs-queue'
      WHEN 'sns.amazonaws.com' THEN 'sns-topic'
      WHEN 'secretsmanager.amazonaws.com' THEN 'secret'
      WHEN 'ecr.amazonaws.com' THEN 'ecr-repository'
      WHEN 'lambda.amazonaws.com' THEN 'lambda-permission'
      ELSE CASE WHEN c.event_name LIKE '%Grant' THEN 'kms-grant' ELSE 'kms-key' END
    END AS resource_type,
    CASE
      WHEN c.event_name IN ('DeleteBucketPolicy', 'DeleteBucket', 'ScheduleKeyDeletion', 'RetireGrant', 'RevokeGrant',
        'DeleteRole', 'DeleteQueue', 'DeleteTopic', 'DeleteResourcePolicy', 'DeleteSecret', 'DeleteRepositoryPolicy',
        'DeleteRepository') OR c.event_name LIKE 'RemovePermission%' THEN 'delete'
      ELSE 'write'
    END AS change_kind,
    CASE c.event_source
      WHEN 's3.amazonaws.com' THEN json_extract_string(c.request, '$.bucketName')
      WHEN 'iam.amazonaws.com' THEN coalesce(json_extract_string(c.response, '$.role.roleName'),
        json_extract_string(c.request, '$.roleName'))
      WHEN 'sqs.amazonaws.com' THEN coalesce(json_extract_string(c.request, '$.queueUrl'),
        json_extract_string(c.response, '$.queueUrl'))
      WHEN 'sns.amazonaws.com' THEN coalesce(json_extract_string(c.request, '$.topicArn'),
        json_extract_string(c.response, '$.topicArn'))
      WHEN 'secretsmanager.amazonaws.com' THEN coalesce(json_extract_string(c.response, '$.arn'),
        json_extract_string(c.request, '$.secretId'))
      WHEN 'ecr.amazonaws.com' THEN json_extract_string(c.request, '$.repositoryName')
      WHEN 'lambda.amazonaws.com' THEN regexp_extract(json_extract_string(c.request, '$.functionName'),
        '^(?:arn:[^:]+:lambda:[^:]+:[0-9]+:function:)?([^:]+)', 1)
      ELSE coalesce(json_extract_string(c.response, '$.keyMetadata.arn'), nullif(c.first_resource_arn, ''),
        CASE WHEN json_extract_string(c.request, '$.keyId') LIKE 'arn:%' THEN json_extract_string(c.request, '$.keyId')
          WHEN json_extract_string(c.request, '$.keyId') IS NOT NULL
          THEN 'arn:aws:kms:' || c.aws_region || ':' || c.account_id || ':key/' || json_extract_string(c.request, '$.keyId')
        END)
    END AS resource_name,
    CASE
      WHEN c.event_source = 'lambda.amazonaws.com' THEN json_extract_string(c.request, '$.statementId')
      WHEN c.event_name LIKE '%Grant' THEN coalesce(json_extract_string(c.response, '$.grantId'),
        json_extract_string(c.request, '$.grantId'))
    END AS entry_detail,
    CASE c.event_source
      WHEN 's3.amazonaws.com' THEN json_extract(c.request, '$.bucketPolicy')
      WHEN 'iam.amazonaws.com' THEN coalesce(json_extract(c.request, '$.assumeRolePolicyDocument'),
        json_extract(c.request, '$.policyDocument'), json_extract(c.response, '$.role.assumeRolePolicyDocument'))
      WHEN 'sqs.amazonaws.com' THEN json_extract(c.request, '$.attributes.Policy')
      WHEN 'sns.amazonaws.com' THEN coalesce(json_extract(c.request, '$.attributeValue'),
        json_extract(c.request, '$.attributes.Policy'))
      WHEN 'secretsmanager.amazonaws.com' THEN json_extract(c.request, '$.resourcePolicy')
      WHEN 'ecr.amazonaws.com' THEN json_extract(c.request, '$.policyText')
      WHEN 'lambda.amazonaws.com' THEN coalesce(json_extract(c.response, '$.statement'),
        json_object('Sid', json_extract_string(c.request, '$.statementId'), 'Effect', 'Allow',
          'Principal', json_object('AWS', json_extract_string(c.request, '$.principal')),
          'Action', json_extract_string(c.request, '$.action')))
      ELSE CASE WHEN c.event_name = 'CreateGrant'
        THEN json_object('Principal', json_object('AWS', json_extract_string(c.request, '$.granteePrincipal')),
          'Operations', json_extract(c.request, '$.operations'), 'Constraints', json_extract(c.request, '$.constraints'))
        ELSE json_extract(c.request, '$.policy') END
    END AS policy_value
  FROM changes AS c
),
keyed AS (
  SELECT
    l.*,
    CASE l.resource_type
      WHEN 's3-bucket' THEN 'arn:aws:s3:::' || l.resource_name
      WHEN 'iam-role-trust' THEN 'arn:aws:iam::' || l.account_id || ':role/' || l.resource_name
      WHEN 'sqs-queue' THEN 'arn:aws:sqs:'
        || coalesce(nullif(regexp_extract(l.resource_name, '^https?://sqs\.([a-z0-9-]+)\.', 1), ''), l.aws_region) || ':'
        || regexp_extract(l.resource_name, '/([0-9]{12})/', 1) || ':' || regexp_extract(l.resource_name, '([^/]+)/?$', 1)
      WHEN 'secret' THEN 'secret:' || l.account_id || ':' || l.aws_region || ':'
        || CASE WHEN l.resource_name LIKE 'arn:%'
          THEN regexp_replace(regexp_extract(l.resource_name, ':secret:(.+)$', 1), '-[A-Za-z0-9]{6}$', '')
          ELSE l.resource_name END
      WHEN 'ecr-repository' THEN 'arn:aws:ecr:' || l.aws_region || ':'
        || coalesce(json_extract_string(l.request, '$.registryId'), l.account_id) || ':repository/' || l.resource_name
      WHEN 'lambda-permission' THEN 'arn:aws:lambda:' || l.aws_region || ':' || l.account_id || ':function:' || l.resource_name
      ELSE l.resource_name
    END AS match_key,
    -- the policy as one JSON object: objects as they are, strings parsed, URL-encoded strings (IAM responses) decoded
    CASE
      WHEN json_type(l.policy_value) = 'OBJECT' THEN l.policy_value
      WHEN json_type(l.policy_value) = 'VARCHAR' THEN try(CAST(
        CASE WHEN ltrim(json_extract_string(l.policy_value, '$')) LIKE '{%' THEN json_extract_string(l.policy_value, '$')
          ELSE url_decode(json_extract_string(l.policy_value, '$')) END AS JSON))
    END AS policy_document
  FROM located AS l
),
-- A grant is an entry per key and grantee, so a new grant for the role fixes an old one; a retire or revoke names only
-- the grant ID, which the CreateGrant that made it maps to its key and grantee.
grant_entries AS (
  SELECT entry_detail AS grant_id,
    'kms-grant#' || resource_name || '#' || coalesce(json_extract_string(request, '$.granteePrincipal'), '') AS entry_key
  FROM keyed
  WHERE event_name = 'CreateGrant' AND entry_detail IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY entry_detail ORDER BY event_time, event_id) = 1
),
entries AS (
  SELECT
    k.*,
    CASE
      WHEN k.resource_type = 'lambda-permission'
      THEN 'lambda-permission#' || coalesce(k.match_key, '') || '#' || coalesce(k.entry_detail, k.event_id)
      WHEN k.resource_type = 'kms-grant' THEN coalesce(g.entry_key, 'kms-grant#' || k.event_id)
      ELSE k.resource_type || '#' || coalesce(k.match_key, k.event_id)
    END AS entry_key
  FROM keyed AS k
  LEFT JOIN grant_entries AS g ON k.resource_type = 'kms-grant' AND g.grant_id = k.entry_detail
),
ended AS (
  SELECT
    e.*,
    lead(e.event_time) OVER w AS ended_at,
    lead(e.event_id) OVER w AS ended_by_event_id,
    lead(e.event_name) OVER w AS ended_by_event_name,
    lead(e.change_kind) OVER w AS ended_by_change
  FROM entries AS e
  WINDOW w AS (PARTITION BY e.entry_key ORDER BY e.event_time, e.event_id)
),
statements AS (
  SELECT e.event_id, unnest(CASE json_type(e.policy_document, '$.Statement')
      WHEN 'ARRAY' THEN json_extract(e.policy_document, '$.Statement[*]')
      WHEN 'OBJECT' THEN [json_extract(e.policy_document, '$.Statement')]
      ELSE [e.policy_document] END) AS statement
  FROM ended AS e
  WHERE json_type(e.policy_document) = 'OBJECT' AND e.change_kind = 'write'
),
principal_values AS (
  SELECT event_id, json_extract_string(statement, '$.Effect') AS effect, 'Principal' AS principal_key,
    unnest(CASE json_type(statement, '$.Principal.AWS')
      WHEN 'ARRAY' THEN json_extract_string(statement, '$.Principal.AWS[*]')
      WHEN 'VARCHAR' THEN [json_extract_string(statement, '$.Principal.AWS')]
      ELSE [] END) AS principal
  FROM statements
  UNION ALL
  SELECT event_id, json_extract_string(statement, '$.Effect'), 'NotPrincipal',
    unnest(CASE json_type(statement, '$.NotPrincipal.AWS')
      WHEN 'ARRAY' THEN json_extract_string(statement, '$.NotPrincipal.AWS[*]')
      WHEN 'VARCHAR' THEN [json_extract_string(statement, '$.NotPrincipal.AWS')]
      ELSE [] END)
  FROM statements
),
delegations AS (
  SELECT p.event_id, true AS delegates_to_account
  FROM principal_values AS p
  JOIN ended AS e ON e.event_id = p.event_id
  WHERE p.principal_key = 'Principal' AND coalesce(p.effect, 'Allow') = 'Allow'
    AND (p.principal = e.account_id OR regexp_matches(p.principal, '^arn:aws[a-z-]*:iam::' || e.account_id || ':root$'))
  GROUP BY p.event_id
),
role_principals AS (
  SELECT DISTINCT
    event_id,
    principal_key,
    effect,
    principal AS principal_arn,
    regexp_extract(principal, '^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):', 1) AS role_account_id,
    CASE WHEN principal LIKE '%:assumed-role/%' THEN regexp_extract(principal, ':assumed-role/([^/]+)/', 1)
      ELSE regexp_extract(principal, '/([^/]+)$', 1) END AS role_name
  FROM principal_values
  WHERE regexp_matches(principal, '^arn:aws[a-z-]*:(iam::[0-9]{12}:role/.+|sts::[0-9]{12}:assumed-role/[^/]+/.+)$')
),
ledger AS (
  SELECT
    e.account_id, e.aws_region, e.event_time, e.event_id, e.event_name, e.event_source, e.resource_type,
    e.change_kind, e.resource_name, e.entry_detail, e.match_key, e.entry_key,
    CASE WHEN e.resource_type IN ('s3-bucket', 'iam-role-trust', 'sqs-queue', 'ecr-repository', 'lambda-permission')
      THEN e.match_key ELSE e.resource_name END AS resource_arn,
    CAST(e.policy_document AS VARCHAR) AS policy_text,
    coalesce(d.delegates_to_account, false) AS delegates_to_account,
    p.principal_key, p.effect, p.principal_arn, p.role_account_id, p.role_name,
    e.ended_at, e.ended_by_event_id, e.ended_by_event_name, e.ended_by_change,
    e.actor_arn, e.source_file, e.source_record
  FROM ended AS e
  LEFT JOIN role_principals AS p ON p.event_id = e.event_id
  LEFT JOIN delegations AS d ON d.event_id = e.event_id
)
SELECT
  g.*,
  l.role_id AS bound_role_id,
  l.generation AS bound_generation
FROM ledger AS g
ASOF LEFT JOIN role_lineage AS l
  ON g.role_account_id = l.account_id AND g.role_name = l.role_name AND g.event_time >= l.appeared_at
ORDER BY g.event_time, g.event_id, g.principal_key, g.principal_arn
