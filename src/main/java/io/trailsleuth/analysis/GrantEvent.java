package io.trailsleuth.analysis;

import java.time.Instant;

/** A Lambda-made CreateGrant from the grant_ledger view, with the role generation it is bound to. */
record GrantEvent(Instant time, String accountId, String functionRegion, String functionName, String functionArn,
    String roleName, String keyArn, String grantId, String boundRoleId, String boundKnownFrom, boolean madeByLambda,
    String granteeSession, Evidence evidence) {
  FunctionKey function() {
    return new FunctionKey(accountId, functionRegion, functionName);
  }
}
