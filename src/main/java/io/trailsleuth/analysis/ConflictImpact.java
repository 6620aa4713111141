package io.trailsleuth.analysis;

import io.trailsleuth.analysis.policy.PolicyDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies conflicting copies to the findings: a breakage whose evidence cites an event with differing copies has its
 * confidence lowered, since someone changed a copy of its evidence (and, unless the version used came from a log file
 * that matched its digest, that version may not be the genuine one), and every conflicting event names the findings
 * that cite it and why their confidence changed.
 */
public final class ConflictImpact {
  /** The findings after the conflicts were applied, and the conflicts with their citations. */
  public record Result(Findings findings, List<ConflictingEvent> conflicts) {
    public Result {
      conflicts = List.copyOf(conflicts);
    }
  }

  private ConflictImpact() {}

  public static Result apply(Findings findings, List<ConflictingEvent> conflicts) {
    Set<String> conflicting = conflicts.stream().map(ConflictingEvent::eventId).collect(Collectors.toSet());
    Set<String> usedVerified = conflicts.stream()
        .filter(event -> event.used().map(ConflictVersion::verifiedCopy).orElse(false))
        .map(ConflictingEvent::eventId).collect(Collectors.toSet());
    Map<String, List<ConflictCitation>> citations = new TreeMap<>();
    List<Breakage> breakages = new ArrayList<>();
    for (Breakage breakage : findings.breakages()) {
      List<String> cited = citedEvents(breakage.evidence(), conflicting);
      if (cited.isEmpty()) {
        breakages.add(breakage);
        continue;
      }
      Confidence lowered = lower(breakage.confidence());
      String effect = lowered == breakage.confidence()
          ? "confidence stays " + lowered.label() + ", the lowest it can be; the evidence has conflicting copies"
          : "confidence lowered from " + breakage.confidence().label() + " to " + lowered.label()
              + ": the evidence has conflicting copies, " + (usedVerified.containsAll(cited)
                  ? "though the version used is from a log file that matched its CloudTrail digest"
                  : "and the version used may not be the genuine one");
      cited.forEach(id -> citations.computeIfAbsent(id, k -> new ArrayList<>())
          .add(new ConflictCitation("breakage", breakage.functionArn(), effect)));
      breakages.add(withConfidence(breakage, lowered));
    }
    for (AtRisk risk : findings.atRisk()) {
      citedEvents(risk.evidence(), conflicting).forEach(id -> citations.computeIfAbsent(id, k -> new ArrayList<>())
          .add(new ConflictCitation("at-risk", risk.functionArn(),
              "the evidence has conflicting copies; check which version is genuine before acting on it")));
    }
    for (PolicyDrift drift : findings.policyDrift()) {
      citedEvents(drift.evidence(), conflicting).forEach(id -> citations.computeIfAbsent(id, k -> new ArrayList<>())
          .add(new ConflictCitation("policy-drift", drift.resourceArn(),
              "the evidence has conflicting copies; check which version is genuine before acting on it")));
    }
    List<ConflictingEvent> cited = conflicts.stream()
        .map(event -> event.citedBy(citations.getOrDefault(event.eventId(), List.of())))
        .toList();
    return new Result(new Findings(findings.coverage(), breakages, findings.atRisk(), findings.deletedRoles(),
        findings.unexplainedDecryptFailures(), findings.snapshots(), findings.policyDrift()), cited);
  }

  /** One step down: a conflict in the evidence means the chain is no longer fully shown by trustworthy records. */
  static Confidence lower(Confidence confidence) {
    return switch (confidence) {
      case CONFIRMED -> Confidence.PROBABLE;
      case PROBABLE, POSSIBLE -> Confidence.POSSIBLE;
    };
  }

  private static List<String> citedEvents(List<Evidence> evidence, Set<String> conflicting) {
    return evidence.stream().map(Evidence::eventId).filter(conflicting::contains).distinct().sorted().toList();
  }

  private static Breakage withConfidence(Breakage b, Confidence confidence) {
    return new Breakage(b.accountId(), b.region(), b.functionName(), b.functionArn(), b.roleName(), b.roleArn(),
        b.oldRoleId(), b.newRoleId(), b.grantId(), b.keyArn(), b.roleDeleted(), b.roleDeletedBy(),
        b.roleRecreated(), b.roleRecreatedBy(), b.recreations(), b.firstFailureAt(), b.lastFailureAt(),
        b.failedDecrypts(), b.remediatedAt(), b.remediatedBy(), b.remediationEvent(), b.recoveredAt(), confidence,
        b.evidence(), b.evidenceSources(), b.missingEvidence(), b.snapshotEvidence());
  }
}
