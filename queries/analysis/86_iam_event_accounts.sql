-- id: iam_event_accounts
-- title: Accounts with IAM events
-- description: The accounts whose IAM management events (logged in us-east-1 only) are in the store; a role re-creation in any other account cannot be seen in CloudTrail.
SELECT DISTINCT coalesce(recipient_account_id, user_identity_account_id) AS account_id
FROM focus_events
WHERE event_source = 'iam.amazonaws.com' AND coalesce(recipient_account_id, user_identity_account_id) IS NOT NULL
ORDER BY account_id
