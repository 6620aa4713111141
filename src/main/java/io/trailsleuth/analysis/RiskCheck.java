package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds functions that will fail at their next cold start, and roles deleted without a successor. */
final class RiskCheck {
  private RiskCheck() {}

  /**
   * A function whose latest grant is bound to a replaced generation and that has not run since. A grant older than the
   * first sighting of its role's unique ID is bound to the generation under which the function's own Decrypts (with
   * its encryption context, on the grant's key) succeeded after it, as a probable breakage is. A function whose
   * configuration names a customer-managed key now has no grant on aws/lambda to lose.
   */
  static Optional<AtRisk> atRisk(FunctionKey function, FunctionFacts facts, Lineages lineages,
      CustomerKeys customerKeys) {
    if (facts.grants().isEmpty() || customerKeys.at(function, facts, Instant.MAX) != null) {
      return Optional.empty();
    }
    GrantEvent latest = facts.grants().get(facts.grants().size() - 1);
    List<Generation> lineage = lineages.of(function.accountId(), latest.roleName());
    DecryptAttempt standIn = latest.boundRoleId() == null ? facts.ownSuccessAfter(latest, Instant.MAX) : null;
    String boundRoleId = standIn != null ? standIn.roleId() : latest.boundRoleId();
    int bound = boundRoleId == null ? -1 : Lineages.indexOf(lineage, boundRoleId);
    if (bound < 0 || bound + 1 >= lineage.size()) {
      return Optional.empty();
    }
    Generation replacement = lineage.get(bound + 1);
    // a Decrypt on another key (the function's code using a key of its own) does not show the grant's key works
    boolean ranSince = facts.decrypts().stream().anyMatch(d -> !d.time().isBefore(replacement.appearedAt())
        && Keys.compatible(latest.keyArn(), d.keyArn()));
    if (ranSince) {
      return Optional.empty();
    }
    Generation old = lineage.get(bound);
    String grant = "Lambda's grant " + (latest.grantId() == null ? "" : latest.grantId() + " ");
    String binding = standIn == null ? grant + "is bound to " + old.roleId()
        : "Probably: " + grant + "was made before these logs show any unique ID of role " + old.roleName()
            + "; the function's own Decrypts on its key succeeded under " + old.roleId() + " after it (the last at "
            + standIn.time() + "), so the grant is bound to " + old.roleId();
    String reason = binding + ", but role " + old.roleName() + " was re-created as " + replacement.roleId()
        + (replacement.creationKnown() ? " at " + replacement.createdAt() : " before " + replacement.appearedAt()
            + " (its first appearance in the evidence; no CreateRole or CreateDate shows when)")
        + "; the function has not run since, so its next cold start will fail to decrypt"
        + " its environment variables";
    List<Evidence> evidence = standIn == null ? List.of(latest.evidence())
        : List.of(latest.evidence(), standIn.evidence());
    return Optional.of(new AtRisk(function.accountId(), function.region(), function.name(), function.arn(),
        old.roleName(),
        replacement.roleArn() != null ? replacement.roleArn() : old.roleArn(), old.roleId(), replacement.roleId(),
        latest.grantId(), reason, evidence));
  }

  /** The role a function used last: from its latest grant, else its latest Decrypt session; null when unknown. */
  private static String currentRole(FunctionFacts facts) {
    if (!facts.grants().isEmpty()) {
      return facts.grants().get(facts.grants().size() - 1).roleName();
    }
    return facts.decrypts().isEmpty() ? null : facts.decrypts().get(facts.decrypts().size() - 1).roleName();
  }

  /** Roles whose last generation was deleted, with the functions whose grants or sessions name them. */
  static List<DeletedRole> deletedRoles(Lineages lineages, Map<FunctionKey, FunctionFacts> functions,
      Map<String, ActorEvent> actors) {
    List<DeletedRole> result = new ArrayList<>();
    for (List<Generation> lineage : lineages.all()) {
      Generation last = lineage.get(lineage.size() - 1);
      if (last.deletedAt() == null) {
        continue;
      }
      List<String> users = new ArrayList<>();
      functions.forEach((key, facts) -> {
        boolean uses = key.accountId().equals(last.accountId()) && last.roleName().equals(currentRole(facts));
        if (uses) {
          users.add(key.arn());
        }
      });
      ActorEvent deleted = actors.get(last.deletedEventId());
      result.add(new DeletedRole(last.accountId(), last.roleName(), last.roleId(), last.deletedAt(),
          deleted == null ? Actor.UNKNOWN : deleted.actor(), users, last.deletedEventId()));
    }
    return result;
  }
}
