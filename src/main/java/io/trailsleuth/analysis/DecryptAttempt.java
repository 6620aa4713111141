package io.trailsleuth.analysis;

import java.time.Instant;

/** One kms:Decrypt from the decrypt_outcomes view. */
record DecryptAttempt(Instant time, String accountId, String region, String principalArn, String roleName,
    String roleId, String sessionName, String functionArn, String keyArn, String errorCode, boolean denied,
    Evidence evidence) {
  /** The Lambda function this Decrypt ran for: the session name of an execution role is the function name. */
  FunctionKey function() {
    if (functionArn != null) {
      FunctionKey fromArn = FunctionKey.fromArn(functionArn);
      if (fromArn != null) {
        return fromArn;
      }
    }
    return roleName == null || sessionName == null ? null : new FunctionKey(accountId, region, sessionName);
  }
}
