-- id: store_derive_focus_events
-- title: Focus events of a run
-- description: The run's IAM, KMS and Lambda events, the only services the analysis reads in full (internal).
SELECT *
FROM run_events
WHERE event_source IN ('iam.amazonaws.com', 'kms.amazonaws.com', 'lambda.amazonaws.com')
