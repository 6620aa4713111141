package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.analysis.policy.PolicyDrift;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Everything the analysis found, in a deterministic order. */
public record Findings(Coverage coverage, List<Breakage> breakages, List<AtRisk> atRisk,
    List<DeletedRole> deletedRoles, List<UnexplainedDenial> unexplainedDecryptFailures,
    List<SnapshotFile> snapshots, List<PolicyDrift> policyDrift) {
  public Findings {
    requireNonNull(coverage, "coverage is null");
    breakages = List.copyOf(breakages);
    atRisk = List.copyOf(atRisk);
    deletedRoles = List.copyOf(deletedRoles);
    unexplainedDecryptFailures = List.copyOf(unexplainedDecryptFailures);
    snapshots = snapshots.stream().sorted().toList();
    policyDrift = List.copyOf(policyDrift);
  }

  /** Findings without policy drift. */
  public Findings(Coverage coverage, List<Breakage> breakages, List<AtRisk> atRisk, List<DeletedRole> deletedRoles,
      List<UnexplainedDenial> unexplainedDecryptFailures, List<SnapshotFile> snapshots) {
    this(coverage, breakages, atRisk, deletedRoles, unexplainedDecryptFailures, snapshots, List.of());
  }

  /**
   * The evidence the report cites, of the breakages, the functions at risk and the policy drift: each item once, in
   * {@link Evidence}'s order.
   */
  public SortedSet<Evidence> citedEvidence() {
    SortedSet<Evidence> all = new TreeSet<>();
    breakages.forEach(b -> all.addAll(b.evidence()));
    atRisk.forEach(r -> all.addAll(r.evidence()));
    policyDrift.forEach(d -> all.addAll(d.evidence()));
    return all;
  }
}
