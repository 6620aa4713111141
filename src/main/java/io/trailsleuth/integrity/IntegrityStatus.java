package io.trailsleuth.integrity;

/** The verdict of an integrity check: passed only when digests were there to check against. */
public enum IntegrityStatus {
  /** Digest files were checked and no tampering, missing file, chain break or bad signature was found. */
  PASSED("passed"),
  /** Tampering, missing files, chain breaks or bad signatures were found. */
  FAILED("failed"),
  /** The inputs held no digest file, so no log file was checked. */
  NOT_CHECKED("not-checked");

  private final String code;

  IntegrityStatus(String code) {
    this.code = code;
  }

  /** The stable name used in output. */
  public String code() {
    return code;
  }
}
