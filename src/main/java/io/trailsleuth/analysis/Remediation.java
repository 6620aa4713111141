package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration change that led to a new grant valid for the role's current generation: a role
 * flip, or the function re-created. Without such a change, the valid grant itself.
 */
record Remediation(Instant at, Actor actor, String eventName, List<Evidence> evidence) {

  static Remediation find(FunctionFacts facts, Generation replacement, List<Generation> lineage,
      Map<String, ActorEvent> actors) {
    GrantEvent valid = null;
    for (GrantEvent grant : facts.grants()) {
      if (grant.time().isBefore(replacement.appearedAt()) || !grant.roleName().equals(replacement.roleName())) {
        continue;
      }
      Generation live = Lineages.liveAt(lineage, grant.time());
      if (live != null && live.generation() >= replacement.generation()) {
        valid = grant;
        break;
      }
    }
    if (valid == null) {
      return null;
    }
    for (FunctionChange change : facts.changes()) {
      if (change.errorCode() == null && !change.time().isBefore(replacement.appearedAt())
          && !change.time().isAfter(valid.time())) {
        ActorEvent event = actors.get(change.evidence().eventId());
        List<Evidence> evidence = new ArrayList<>(List.of(change.evidence(), valid.evidence()));
        for (FunctionChange later : facts.changes()) {
          if (later.time().isAfter(change.time()) && !later.time().isAfter(valid.time())) {
            evidence.add(later.evidence());
          }
        }
        return new Remediation(change.time(), event == null ? Actor.UNKNOWN : event.actor(), change.eventName(),
            evidence);
      }
    }
    return new Remediation(valid.time(), Actor.UNKNOWN, "CreateGrant", List.of(valid.evidence()));
  }

  /**
   * Adds this remediation's evidence and the first successful Decrypt after it (Lambda's own, or one on the broken
   * grant's key: a Decrypt on another key says nothing of the function's key); returns when that was, or null.
   */
  Instant recovery(FunctionFacts facts, String keyArn, List<Evidence> evidence) {
    evidence.addAll(this.evidence);
    for (DecryptAttempt attempt : facts.decrypts()) {
      if (!attempt.denied() && attempt.errorCode() == null && !attempt.time().isBefore(at)
          && (attempt.functionArn() != null || Keys.compatible(keyArn, attempt.keyArn()))) {
        evidence.add(attempt.evidence());
        return attempt.time();
      }
    }
    return null;
  }
}
