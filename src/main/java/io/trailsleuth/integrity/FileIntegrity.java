package io.trailsleuth.integrity;

/** What the integrity check says about one local log file, for citing events. */
public enum FileIntegrity {
  /** A digest lists the file and its hash matches. */
  VERIFIED("verified"),
  /** No digest in the archive lists the file, so it could not be checked. */
  UNVERIFIED("unverified"),
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
