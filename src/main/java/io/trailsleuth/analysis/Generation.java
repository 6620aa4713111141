package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.List;

/**
 * One generation (unique ID) of a role, from the role_lineage view.
 *
 * @param appearedAt its first appearance in the evidence (CreateRole, a CreateDate, a sighting, a capture)
 * @param lastSeenAt the last event by a session of it, or null when none is logged
 */
record Generation(String accountId, String roleName, int generation, String roleId, String roleArn, String knownFrom,
    Instant appearedAt, String createdEventId, Instant deletedAt, String deletedEventId, Instant replacedAt,
    Instant createdAt, String deletionKnownFrom, List<String> evidenceSources, Instant lastSeenAt) {
  Generation {
    evidenceSources = List.copyOf(evidenceSources);
  }

  /** True when the generation's creation time is known (CreateRole, iam get-role output or an AWS Config item). */
  boolean creationKnown() {
    return createdAt != null;
  }

  /** True when the evidence shows this generation was deleted (DeleteRole, AWS Config, or a grant listed by ID). */
  boolean deletionKnown() {
    return deletionKnownFrom != null;
  }
}
