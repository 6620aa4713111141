-- id: store_derive_focus_events
-- title: Focus events of a run
-- description: The run's IAM, KMS and Lambda events, the policy writes and deletes of S3, SQS, SNS, Secrets Manager and ECR, and every access denial of any service: the only events the analysis reads in full (internal). From store format 3 a run writes them without the raw user_identity (DerivedTable.leftOutColumns).
SELECT *
FROM run_events
WHERE event_source IN ('iam.amazonaws.com', 'kms.amazonaws.com', 'lambda.amazonaws.com')
  OR (event_source IN ('s3.amazonaws.com', 'sqs.amazonaws.com', 'sns.amazonaws.com', 'secretsmanager.amazonaws.com',
      'ecr.amazonaws.com')
    AND event_name IN ('PutBucketPolicy', 'DeleteBucketPolicy', 'DeleteBucket', 'CreateQueue', 'SetQueueAttributes',
      'DeleteQueue', 'CreateTopic', 'SetTopicAttributes', 'DeleteTopic', 'PutResourcePolicy', 'DeleteResourcePolicy',
      'DeleteSecret', 'SetRepositoryPolicy', 'DeleteRepositoryPolicy', 'DeleteRepository'))
  OR error_code IN ('AccessDenied', 'AccessDeniedException', 'KMSAccessDeniedException', 'AuthorizationError',
    'AuthorizationErrorException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'Forbidden')
