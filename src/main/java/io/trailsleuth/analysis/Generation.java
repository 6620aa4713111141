package io.trailsleuth.analysis;

import java.time.Instant;

/** One generation (unique ID) of a role, from the role_lineage view. */
record Generation(String accountId, String roleName, int generation, String roleId, String roleArn, String knownFrom,
    Instant appearedAt, String createdEventId, Instant deletedAt, String deletedEventId, Instant replacedAt) {}
