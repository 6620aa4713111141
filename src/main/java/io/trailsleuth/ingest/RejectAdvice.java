package io.trailsleuth.ingest;

/** What a user can do about a rejected rest of file, by reason code; appended to the reject's reason. */
final class RejectAdvice {
  private RejectAdvice() {}

  static String forCode(String code) {
    return switch (code) {
      case "truncated", "corrupt-gzip", "trailing-garbage" ->
          ". Fetch the file again from its source (aws s3 cp) and compare its size; keep this copy as evidence";
      case "not-json" -> ". Check what the file really is (file NAME); move it out of the archive if it is not a log";
      case "invalid-json", "invalid-utf8" ->
          ". The file is damaged or was edited: fetch it again, or run 'trailsleuth verify' to check it against its digest";
      case "limit-exceeded" -> ". No real CloudTrail record comes near this limit; treat the file as hostile";
      case "decompression-limit" -> "";
      case "empty-file" -> ". An interrupted upload or download leaves empty files; fetch it again";
      default -> ". Check the file and ingest it again";
    };
  }
}
