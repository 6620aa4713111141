package io.trailsleuth.integrity;

/** What the integrity check says about one local log file, for citing events. */
public enum FileIntegrity {
  /** A digest lists the file and its hash matches. */
  VERIFIED("verified"),
  /** The check found the log file, but no digest in the archive lists it, so it could not be checked. */
  UNVERIFIED("unverified"),
  /** The check did not see the file as a log file of its inputs (an earlier ingest's file, or an unusual name). */
  NOT_CHECKED("not checked"),
  /** A digest lists the file and its hash does not match. */
  TAMPERED("tampered");

  private final String code;

  FileIntegrity(String code) {
    this.code = code;
  }

  /** The stable name used in output. */
  public String code() {
    return code;
  }
}
