package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the breakage rule to one function: denied Decrypts under a role generation newer than the one
 * its grant (or, failing that, its earlier successful Decrypts) is bound to.
 */
final class BreakageDetector {
  private final AnalysisData data;
  private final Lineages lineages;
  private final EvidenceGaps gaps;
  private final CustomerKeys customerKeys;
  private final RoleChangeTimes times;

  BreakageDetector(AnalysisData data, Lineages lineages, CustomerKeys customerKeys) {
    this.data = data;
    this.lineages = lineages;
    this.gaps = new EvidenceGaps(data);
    this.customerKeys = customerKeys;
    this.times = new RoleChangeTimes(data.snapshots());
  }

  /** Breakages of one function; adds the denials they explain to {@code explained}. */
  List<Breakage> detect(FunctionKey function, FunctionFacts facts, Set<Evidence> explained) {
    Map<String, List<DecryptAttempt>> byBinding = new LinkedHashMap<>();
    Map<String, Binding> bindings = new LinkedHashMap<>();
    for (DecryptAttempt denial : facts.decrypts()) {
      // a function with a customer-managed key has no Lambda grant on aws/lambda: its key policy decides
      if (!denial.denied() || denial.roleId() == null || denial.roleName() == null
          || customerKeys.at(function, facts, denial.time()) != null) {
        continue;
      }
      List<Generation> lineage = lineages.of(function.accountId(), denial.roleName());
      int current = Lineages.indexOf(lineage, denial.roleId());
      Binding binding = bindingBefore(facts, denial, lineage, current);
      if (binding == null) {
        continue;
      }
      String key = binding.oldRoleId() + "|" + binding.grant();
      byBinding.computeIfAbsent(key, k -> new ArrayList<>()).add(denial);
      bindings.putIfAbsent(key, binding);
    }
    List<Breakage> breakages = new ArrayList<>();
    for (Map.Entry<String, List<DecryptAttempt>> entry : byBinding.entrySet()) {
      Breakage breakage = build(function, facts, bindings.get(entry.getKey()), entry.getValue(), explained);
      if (breakage != null) {
        breakages.add(breakage);
      }
    }
    return breakages;
  }

  /** What the function's key access was bound to before a denial, when that is an older generation. */
  private static Binding bindingBefore(FunctionFacts facts, DecryptAttempt denial, List<Generation> lineage,
      int current) {
    if (current <= 0) {
      return null;
    }
    GrantEvent grant = null;
    for (GrantEvent candidate : facts.grants()) {
      if (!candidate.time().isAfter(denial.time()) && candidate.roleName().equals(denial.roleName())) {
        grant = candidate;
      }
    }
    if (grant != null) {
      if (!Keys.compatible(grant.keyArn(), denial.keyArn())) {
        return null; // the function's key is its grant's: a denial on another key is not this grant's failure
      }
      // a grant older than the first sighting of its role: bound to the generation the function last ran under
      DecryptAttempt ran = grant.boundRoleId() == null ? facts.ownSuccessAfter(grant, denial.time()) : null;
      String bound = grant.boundRoleId() != null ? grant.boundRoleId()
          : ran != null ? ran.roleId() : lineage.get(current - 1).roleId();
      int boundIndex = Lineages.indexOf(lineage, bound);
      return boundIndex >= 0 && boundIndex < current ? new Binding(lineage, boundIndex, grant, ran) : null;
    }
    DecryptAttempt success = null;
    for (DecryptAttempt candidate : facts.decrypts()) {
      // only Lambda's own Decrypt (its encryption context names the function) shows the key is the function's key
      if (!candidate.denied() && candidate.errorCode() == null && candidate.time().isBefore(denial.time())
          && candidate.roleId() != null && !candidate.roleId().equals(denial.roleId())
          && candidate.functionArn() != null && Keys.compatible(candidate.keyArn(), denial.keyArn())) {
        success = candidate;
      }
    }
    if (success == null) {
      return null;
    }
    int boundIndex = Lineages.indexOf(lineage, success.roleId());
    return boundIndex >= 0 && boundIndex < current ? new Binding(lineage, boundIndex, null, success) : null;
  }

  private Breakage build(FunctionKey function, FunctionFacts facts, Binding binding, List<DecryptAttempt> denials,
      Set<Evidence> explained) {
    Generation old = binding.lineage().get(binding.boundIndex());
    Generation replacement = binding.lineage().get(binding.boundIndex() + 1);
    Remediation remediation = Remediation.find(facts, replacement, binding.lineage(), data.actors());
    Instant until = remediation == null ? Instant.MAX : remediation.at();
    List<DecryptAttempt> counted = denials.stream()
        .filter(d -> !d.time().isBefore(replacement.appearedAt()) && d.time().isBefore(until)).toList();
    if (counted.isEmpty()) {
      return null;
    }
    counted.forEach(d -> explained.add(d.evidence()));
    DecryptAttempt first = counted.get(0);
    DecryptAttempt last = counted.get(counted.size() - 1);
    List<Recreation> recreations = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>(List.of(first.evidence(), last.evidence()));
    // the incident window: a later generation's deletion in it is part of the story (a role re-created twice)
    Instant windowEnd = remediation == null ? last.time() : remediation.at();
    List<Generation> lineage = binding.lineage();
    for (int index = binding.boundIndex() + 1; index < lineage.size(); index++) {
      Generation later = lineage.get(index);
      if (later.appearedAt().isAfter(last.time())) {
        break;
      }
      ActorEvent created = data.actorEvent(later.createdEventId());
      boolean deletedInWindow = later.deletedAt() != null && !later.deletedAt().isAfter(windowEnd);
      ActorEvent laterDeleted = deletedInWindow ? data.actorEvent(later.deletedEventId()) : null;
      recreations.add(new Recreation(times.created(later, lineage.get(index - 1)),
          created == null ? Actor.UNKNOWN : created.actor(), later.roleId(),
          deletedInWindow ? times.deleted(later, index + 1 < lineage.size() ? lineage.get(index + 1) : null) : null,
          laterDeleted == null ? null : laterDeleted.actor(), DenialRun.under(counted, later.roleId())));
      if (created != null) {
        evidence.add(created.evidence());
      }
      if (laterDeleted != null) {
        evidence.add(laterDeleted.evidence());
      }
    }
    evidence.addAll(facts.invokeErrorsBetween(replacement.appearedAt(), until));
    ActorEvent deleted = data.actorEvent(old.deletedEventId());
    if (deleted != null) {
      evidence.add(deleted.evidence());
    }
    if (binding.grant() != null) {
      evidence.add(binding.grant().evidence());
    }
    if (binding.standIn() != null) {
      evidence.add(binding.standIn().evidence());
    }
    Recreation recreated = recreations.get(0);
    // the grant is in the evidence, and so is the re-creation: the new generation's creation or the old one's deletion
    boolean confirmed = binding.grant() != null && (replacement.creationKnown() || old.deletionKnown()
        || "kms-list-grants".equals(binding.grant().boundKnownFrom()));
    String keyArn = binding.grant() != null ? binding.grant().keyArn() : first.keyArn();
    Instant recoveredAt = remediation == null ? null : remediation.recovery(facts, keyArn, evidence);
    List<SnapshotEvidence> snapshots = gaps.used(function, old.roleName(),
        binding.lineage().stream().map(Generation::roleId).toList(), binding.grant(), keyArn);
    return new Breakage(function.accountId(), function.region(), function.name(), function.arn(), old.roleName(),
        old.roleArn(), old.roleId(), replacement.roleId(), binding.grant() == null ? null : binding.grant().grantId(),
        keyArn, times.deleted(old, replacement), deleted == null ? null : deleted.actor(), recreated.created(),
        recreated.actor(),
        recreations, first.time(), last.time(), counted.size(), remediation == null ? null : remediation.at(),
        remediation == null ? null : remediation.actor(), remediation == null ? null : remediation.eventName(),
        recoveredAt, confirmed ? Confidence.CONFIRMED : Confidence.PROBABLE, evidence,
        EvidenceGaps.sources(snapshots), gaps.missing(function, old, replacement, binding.grant()), snapshots);
  }

  /**
   * The generation a function's access was bound to: through a grant, or inferred from a successful Decrypt (which
   * stands in for the grant, or for the grant's binding when the grant is older than the first sighting of its role).
   */
  private record Binding(List<Generation> lineage, int boundIndex, GrantEvent grant, DecryptAttempt standIn) {
    String oldRoleId() {
      return lineage.get(boundIndex).roleId();
    }
  }
}
