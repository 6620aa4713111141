package io.trailsleuth.analysis;

import java.time.Instant;

/** A RetireGrant or RevokeGrant that ended a grant, from the grant_ledger view. */
record GrantEnd(String grantId, Instant time) {}
