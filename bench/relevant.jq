# The relevant events: the IAM, Lambda and KMS grant/decrypt calls the analysis reads
# (the same selection as DuckDbBaseline.RELEVANT). One line per event: source and name.
.Records[]
| select(.eventSource == "iam.amazonaws.com" or .eventSource == "lambda.amazonaws.com"
    or (.eventSource == "kms.amazonaws.com"
        and (.eventName == "CreateGrant" or .eventName == "RetireGrant" or .eventName == "RevokeGrant"
             or .eventName == "Decrypt")))
| [.eventSource, .eventName] | @tsv
