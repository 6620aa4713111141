package io.trailsleuth.report;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.query.ResultTable;

/**
 * What the report states about how it was made; nothing here depends on the wall clock.
 *
 * @param commandLine the command as the user ran it
 * @param toolVersion trailsleuth version
 * @param sourceFiles the report_source_files query result
 * @param rejectReasons the report_reject_reasons query result
 */
public record ReportContext(String commandLine, String toolVersion, ResultTable sourceFiles, ResultTable rejectReasons) {
  public ReportContext {
    requireNonNull(commandLine, "commandLine is null");
    requireNonNull(toolVersion, "toolVersion is null");
    requireNonNull(sourceFiles, "sourceFiles is null");
    requireNonNull(rejectReasons, "rejectReasons is null");
  }

  /** SHA-256 over the sorted "path sha256" lines of the input manifest. */
  public String manifestHash() {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (var row : sourceFiles.rows()) {
        digest.update((row.get(0) + "/" + row.get(1) + " " + row.get(2) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of a source file by its relative path, or "" when unknown. */
  public String sha256Of(String sourceFile) {
    return sourceFiles.rows().stream().filter(r -> sourceFile.equals(r.get(1))).map(r -> r.get(2)).findFirst().orElse("");
  }
}
