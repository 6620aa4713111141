package io.trailsleuth.evidence;

/** An evidence pack that cannot be written as asked, with a message that says why and what to do. */
public final class EvidenceException extends Exception {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message) {
    super(message);
  }
}
