package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule for evidence that shows no older role generation: a Lambda-made grant for the function and its role,
 * not retired or revoked, no function change that would explain a new grant, and later denied Decrypts by the role's
 * session on the grant's key. KMS binds grants to the role's unique ID, so a re-created role is the cause that fits.
 * It is {@link Confidence#CONFIRMED} when the role's current generation was created after the grant (an iam get-role
 * or AWS Config CreateDate proves the re-creation), else {@link Confidence#POSSIBLE}.
 */
final class PossibleBreakages {
  private final AnalysisData data;
  private final Lineages lineages;
  private final EvidenceGaps gaps;
  private final CustomerKeys customerKeys;

  PossibleBreakages(AnalysisData data, Lineages lineages, CustomerKeys customerKeys) {
    this.data = data;
    this.lineages = lineages;
    this.gaps = new EvidenceGaps(data);
    this.customerKeys = customerKeys;
  }

  /** Breakages of one function from the denials no other rule explained; adds those it explains. */
  List<Breakage> detect(FunctionKey function, FunctionFacts facts, Set<Evidence> explained) {
    Map<GrantEvent, List<DecryptAttempt>> byGrant = new LinkedHashMap<>();
    for (DecryptAttempt denial : facts.decrypts()) {
      if (!denial.denied() || denial.roleId() == null || denial.roleName() == null
          || explained.contains(denial.evidence()) || customerKeys.at(function, facts, denial.time()) != null) {
        continue;
      }
      GrantEvent grant = grantBefore(function, facts, denial);
      if (grant != null) {
        byGrant.computeIfAbsent(grant, g -> new ArrayList<>()).add(denial);
      }
    }
    List<Breakage> result = new ArrayList<>();
    byGrant.forEach((grant, denials) -> result.add(build(function, facts, grant, denials, explained)));
    return result;
  }

  /** The function's latest Lambda-made grant that still applied when the denial happened, or null. */
  private GrantEvent grantBefore(FunctionKey function, FunctionFacts facts, DecryptAttempt denial) {
    GrantEvent grant = null;
    for (GrantEvent candidate : facts.grants()) {
      if (candidate.madeByLambda() && !candidate.time().isAfter(denial.time())
          && candidate.roleName().equals(denial.roleName()) && function.name().equals(candidate.granteeSession())
          && Keys.same(candidate.keyArn(), denial.keyArn())) {
        grant = candidate;
      }
    }
    if (grant == null || denial.roleId().equals(grant.boundRoleId()) || ended(grant, denial.time())
        || explainedByChange(facts, grant, denial.time())) {
      return null;
    }
    return grant;
  }

  private boolean ended(GrantEvent grant, Instant before) {
    return grant.grantId() != null && data.grantEnds().stream().anyMatch(end -> end.grantId().equals(grant.grantId())
        && !end.time().isBefore(grant.time()) && !end.time().isAfter(before));
  }

  /** A delete, a customer key or another role set on the function after the grant: Lambda would grant anew. */
  private static boolean explainedByChange(FunctionFacts facts, GrantEvent grant, Instant before) {
    for (FunctionChange change : facts.changes()) {
      if (change.errorCode() != null || !change.time().isAfter(grant.time()) || change.time().isAfter(before)) {
        continue;
      }
      String role = change.roleArn() == null ? null : change.roleArn().substring(change.roleArn().lastIndexOf('/') + 1);
      if (change.eventName().startsWith("DeleteFunction") || change.kmsKeyArn() != null
          || (role != null && !role.equals(grant.roleName()))) {
        return true;
      }
    }
    return false;
  }

  private Breakage build(FunctionKey function, FunctionFacts facts, GrantEvent grant, List<DecryptAttempt> denials,
      Set<Evidence> explained) {
    DecryptAttempt first = denials.get(0);
    List<Generation> lineage = lineages.of(function.accountId(), grant.roleName());
    int currentIndex = Lineages.indexOf(lineage, first.roleId());
    Generation current = currentIndex < 0 ? null : lineage.get(currentIndex);
    int oldIndex = grant.boundRoleId() == null ? -1 : Lineages.indexOf(lineage, grant.boundRoleId());
    Generation old = oldIndex < 0 ? null : lineage.get(oldIndex);
    Remediation remediation = current == null ? null : Remediation.find(facts, current, lineage, data.actors());
    Instant until = remediation == null ? Instant.MAX : remediation.at();
    List<DecryptAttempt> counted = denials.stream().filter(d -> d.time().isBefore(until)).toList();
    counted.forEach(d -> explained.add(d.evidence()));
    DecryptAttempt last = counted.get(counted.size() - 1);
    boolean recreatedAfterGrant = current != null && current.creationKnown()
        && current.createdAt().isAfter(grant.time());
    List<Recreation> recreations = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>(List.of(grant.evidence(), first.evidence(), last.evidence()));
    Actor recreatedBy = null;
    if (recreatedAfterGrant) {
      ActorEvent created = data.actorEvent(current.createdEventId());
      recreatedBy = created == null ? Actor.UNKNOWN : created.actor();
      recreations.add(new Recreation(new RoleChangeTimes(data.snapshots()).created(current, null), recreatedBy,
          current.roleId(), null, null,
          DenialRun.under(counted, current.roleId())));
      if (created != null) {
        evidence.add(created.evidence());
      }
    }
    evidence.addAll(facts.invokeErrorsBetween(first.time(), until));
    Instant recoveredAt = remediation == null ? null : remediation.recovery(facts, grant.keyArn(), evidence);
    List<String> roleIds = lineage.stream().map(Generation::roleId).toList();
    List<SnapshotEvidence> snapshots = gaps.used(function, grant.roleName(), roleIds, grant, grant.keyArn());
    String roleArn = current != null && current.roleArn() != null ? current.roleArn()
        : "arn:aws:iam::" + function.accountId() + ":role/" + grant.roleName();
    return new Breakage(function.accountId(), function.region(), function.name(), function.arn(), grant.roleName(),
        roleArn, old == null ? null : old.roleId(), first.roleId(), grant.grantId(), grant.keyArn(), null, null,
        recreations.isEmpty() ? null : recreations.get(0).created(), recreatedBy, recreations, first.time(), last.time(),
        counted.size(), remediation == null ? null : remediation.at(),
        remediation == null ? null : remediation.actor(), remediation == null ? null : remediation.eventName(),
        recoveredAt, recreatedAfterGrant ? Confidence.CONFIRMED : Confidence.POSSIBLE, evidence,
        EvidenceGaps.sources(snapshots), gaps.missing(function, old, recreatedAfterGrant ? current : null, grant),
        snapshots);
  }
}
