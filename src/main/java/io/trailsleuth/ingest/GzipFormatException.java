package io.trailsleuth.ingest;

import java.util.zip.ZipException;

/** A gzip stream that is damaged or followed by bytes that are not gzip; carries the reject reason code. */
public final class GzipFormatException extends ZipException {
  private static final long serialVersionUID = 1L;
  private final String reasonCode;

  GzipFormatException(String reasonCode, String message) {
    super(message);
    this.reasonCode = reasonCode;
  }

  /** "corrupt-gzip" or "trailing-garbage". */
  public String reasonCode() {
    return reasonCode;
  }
}
