package io.trailsleuth.ingest;

/** Thrown by the record extractor when one record cannot be normalised; the parser stays aligned. */
public final class RecordRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reasonCode;

  public RecordRejectedException(String reasonCode, String message) {
    super(message, null, false, false);
    this.reasonCode = reasonCode;
  }

  /** Short stable code for the rejects table. */
  public String reasonCode() {
    return reasonCode;
  }
}
