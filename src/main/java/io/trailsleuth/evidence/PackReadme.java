package io.trailsleuth.evidence;

/** The pack's README.txt: what the pack is and how to check it. Holds no time, so re-runs stay byte-identical. */
final class PackReadme {
  private PackReadme() {}

  /**
   * The README; {@code rootsNamed} when SOURCES.sha256 names each file under its input root (the records come from
   * more than one, or another root holds a file at the same path), so it is checked where trailsleuth ran.
   */
  static String text(int records, int digests, boolean html, boolean rootsNamed) {
    return """
        trailsleuth evidence pack
        =========================

        What this is
          The evidence behind one trailsleuth incident report, for hand-over:
          - report.md%s and findings.json: the report and its findings as written;
          - records/<eventId>.json: %d record(s) the findings cite, each exactly as it stands in its source log file
            (the record's bytes from the decompressed file; for exports that embed the record as an escaped JSON
            string, that string unescaped). An eventID that is not a plain file name is named event-<hash>.json;
          - digests/: %d CloudTrail digest file(s) that list the log files the records came from;
          - SOURCES.sha256: the SHA-256 of each log file the records came from, as the ingest read it;
          - MANIFEST.sha256: the SHA-256 of every file in this pack; its comment lines repeat the source hashes.

        How to verify it
          1. In this directory:           sha256sum -c MANIFEST.sha256
          2. %s
          3. Against the CloudTrail digests: trailsleuth verify ARCHIVE
             (checks every log file against the digest files, offline, and walks the digest chain).
          A record's file holds the record at the byte position the ingest noted; findings.json names the source
          file, its input root and the record number of every cited event.
        """.formatted(html ? ", report.html" : "", records, digests, rootsNamed
            ? "Where trailsleuth ran:         sha256sum -c /path/to/this/pack/SOURCES.sha256\n"
                + "     (the records come from more than one input root, or a path is held by more than one:\n"
                + "     each line names the file under its input root as given on the command line)"
            : "In the archive's input root: sha256sum -c /path/to/this/pack/SOURCES.sha256");
  }
}
