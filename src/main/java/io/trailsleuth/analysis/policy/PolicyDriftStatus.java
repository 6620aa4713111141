package io.trailsleuth.analysis.policy;

/** Where a drifted policy stands: the new role generation was denied, has not used the resource yet, or the policy was re-applied. */
public enum PolicyDriftStatus {
  BROKEN("broken"),
  AT_RISK("at-risk"),
  FIXED("fixed");

  private final String label;

  PolicyDriftStatus(String label) {
    this.label = label;
  }

  /** The word used in reports and the findings JSON. */
  public String label() {
    return label;
  }

  /** The status with this label. */
  public static PolicyDriftStatus of(String label) {
    for (PolicyDriftStatus status : values()) {
      if (status.label.equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown policy drift status " + label);
  }
}
