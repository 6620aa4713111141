package io.trailsleuth.integrity;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints an {@link IntegrityReport} for people: counts first, then every problem found, in sorted order. */
public final class IntegritySummary {
  private IntegritySummary() {}

  public static void print(IntegrityReport report, PrintWriter out) {
    out.println("Evidence integrity: " + (report.failed()
        ? "PROBLEMS FOUND (tampering, missing files, chain breaks or bad signatures)"
        : report.digestsChecked() == 0 ? "not checked: no digest files found, so no log file was checked"
        : "all checks passed"));
    out.println("  digests checked:   " + report.digestsChecked());
    out.println("  log files found:   " + report.logFilesFound() + " (other files ignored: " + report.ignoredFiles() + ")");
    out.println("  verified:          " + report.verifiedFiles().size());
    section(out, "tampered", report.tampered().size());
    report.tampered().forEach(file -> out.println("    " + file.path() + " (listed in " + file.digest() + "): "
        + file.detail()));
    section(out, "missing", report.missing().size());
    report.missing().forEach(file -> out.println("    " + file.s3Object() + " (listed in " + file.digest() + ")"));
    section(out, "unlisted", report.unlisted().size());
    Map<String, List<String>> unlistedByExplanation = new TreeMap<>();
    report.unlisted().forEach(file -> unlistedByExplanation.computeIfAbsent(file.explanation(), key -> new ArrayList<>())
        .add(file.path()));
    unlistedByExplanation.forEach((explanation, paths) -> {
      out.println("    " + paths.size() + " file(s): " + explanation + ":");
      paths.forEach(path -> out.println("      " + path));
    });
    section(out, "chain breaks", report.chainBreaks().size());
    report.chainBreaks().forEach(chainBreak -> out.println("    " + chainBreak.kind().code() + " in "
        + chainBreak.chain() + " at " + chainBreak.digest() + ": " + chainBreak.detail()));
    printSignatures(report.signatures(), out);
    if (!report.notes().isEmpty()) {
      out.println("  notes:");
      report.notes().forEach(note -> out.println("    " + note));
    }
  }

  private static void section(PrintWriter out, String name, int count) {
    out.println("  " + (name + ":").concat(" ".repeat(Math.max(1, 19 - name.length() - 1))) + count);
  }

  private static void printSignatures(SignatureCheck signatures, PrintWriter out) {
    if (!signatures.checked()) {
      out.println("  signatures:        not checked");
      out.println("    " + signatures.explanation());
      return;
    }
    Map<String, Integer> counts = new TreeMap<>();
    signatures.digests().forEach(digest -> counts.merge(digest.status().code(), 1, Integer::sum));
    out.println("  signatures:        " + (counts.isEmpty() ? "no digests" : String.join(", ",
        counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList())));
    List<DigestSignature> problems = signatures.digests().stream()
        .filter(digest -> digest.status() != SignatureStatus.VALID).toList();
    problems.forEach(digest -> out.println("    " + digest.status().code() + " " + digest.digest() + ": "
        + digest.detail()));
  }
}
