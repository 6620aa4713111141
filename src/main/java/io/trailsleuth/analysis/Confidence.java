package io.trailsleuth.analysis;

/** How much of the causal chain the logs show. */
public enum Confidence {
  /** Grant, re-creation and denials are all in the logs. */
  CONFIRMED,
  /** The grant is not in the logs; successful Decrypts under the old generation stand in for it. */
  PROBABLE,
  /**
   * A Lambda-made grant and later denials under the same role are in the evidence, but no older generation of the
   * role is: a re-created role is the cause that fits, because KMS binds grants to the role's unique ID.
   */
  POSSIBLE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
