package io.trailsleuth.analysis;

/** How much of the causal chain the logs show. */
public enum Confidence {
  /** Grant, re-creation and denials are all in the logs. */
  CONFIRMED,
  /** The grant is not in the logs; successful Decrypts under the old generation stand in for it. */
  PROBABLE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
