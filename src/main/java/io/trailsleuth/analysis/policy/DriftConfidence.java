package io.trailsleuth.analysis.policy;

/** How sure a policy drift finding is, from which policy decides the access (see the README). */
public enum DriftConfidence {
  /** The drifted policy alone decides: a trust policy, a key policy without delegation, a cross-account resource policy. */
  CONFIRMED("confirmed"),
  /** A grant gave the access, but the key policy may also allow it. */
  PROBABLE("probable"),
  /** An identity policy may allow the call without the drifted policy (same account, or a key delegating to it). */
  POSSIBLE("possible");

  private final String label;

  DriftConfidence(String label) {
    this.label = label;
  }

  /** The word used in reports and the findings JSON. */
  public String label() {
    return label;
  }

  /** The confidence with this label. */
  public static DriftConfidence of(String label) {
    for (DriftConfidence confidence : values()) {
      if (confidence.label.equals(label)) {
        return confidence;
      }
    }
    throw new IllegalArgumentException("unknown drift confidence " + label);
  }
}
