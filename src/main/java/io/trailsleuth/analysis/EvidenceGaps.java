package io.trailsleuth.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What supports a breakage and what it lacks: the kinds of evidence behind it, the snapshot items it relies on, and
 * short stable codes for the missing pieces, each of which the report turns into something to collect.
 */
final class EvidenceGaps {
  /** The account's IAM events (logged in us-east-1 only) are not in the store. */
  static final String IAM_EVENTS = "iam-events";
  /** No record of the grant: successful Decrypts stand in for it. */
  static final String GRANT = "grant";
  /** The role's unique ID when the grant was made is unknown. */
  static final String OLD_GENERATION = "old-generation";
  /** Nothing shows the old generation's deletion (no DeleteRole, no AWS Config deletion, no grant listed by ID). */
  static final String ROLE_DELETION = "role-deletion";
  /** Nothing shows when the current generation was created (no CreateRole, no get-role or AWS Config CreateDate). */
  static final String ROLE_CREATION = "role-creation";

  private final AnalysisData data;

  EvidenceGaps(AnalysisData data) {
    this.data = data;
  }

  /** The missing pieces, in a fixed order. */
  List<String> missing(FunctionKey function, Generation old, Generation current, GrantEvent grant) {
    List<String> codes = new ArrayList<>();
    if (!data.accountsWithIamEvents().contains(function.accountId())) {
      codes.add(IAM_EVENTS);
    }
    if (grant == null) {
      codes.add(GRANT);
    }
    if (old == null) {
      codes.add(OLD_GENERATION);
    }
    if (old == null || !old.deletionKnown()) {
      codes.add(ROLE_DELETION);
    }
    if (current == null || !current.creationKnown()) {
      codes.add(ROLE_CREATION);
    }
    return codes;
  }

  /** The snapshot items about this function, its role's generations, its grant and its key. */
  List<SnapshotEvidence> used(FunctionKey function, String roleName, List<String> roleIds, GrantEvent grant,
      String keyArn) {
    List<SnapshotEvidence> used = new ArrayList<>();
    for (SnapshotEvidence item : data.snapshots()) {
      boolean sameAccount = item.accountId() == null || item.accountId().equals(function.accountId());
      boolean aboutGrant = grant != null && grant.grantId() != null && grant.grantId().equals(item.grantId());
      boolean aboutFunction = sameFunction(function, item.functionArn()) || sameFunction(function, item.grantFunctionArn());
      boolean aboutRole = sameAccount && item.roleId() != null
          && (roleIds.contains(item.roleId()) || Objects.equals(roleName, item.roleName()));
      boolean aboutKey = sameAccount && Keys.same(keyArn, item.keyArn()) && !"kms-list-grants".equals(item.kind());
      if (aboutGrant || aboutFunction || aboutRole || aboutKey) {
        used.add(item);
      }
    }
    return used;
  }

  /** cloudtrail, then the kinds of the snapshot items used. */
  static List<String> sources(List<SnapshotEvidence> used) {
    List<String> sources = new ArrayList<>(List.of("cloudtrail"));
    used.forEach(item -> sources.add(item.kind()));
    return sources;
  }

  private static boolean sameFunction(FunctionKey function, String arn) {
    FunctionKey other = arn == null ? null : FunctionKey.fromArn(arn);
    return function.equals(other);
  }
}
