package io.trailsleuth.integrity;

import io.trailsleuth.common.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints an {@link IntegrityReport} for people: counts first, then every problem found, in sorted order. */
public final class IntegritySummary {
  private IntegritySummary() {}

  public static void print(IntegrityReport report, PrintWriter out) {
    println(out, "Evidence integrity: " + (report.failed()
        ? "PROBLEMS FOUND (tampering, missing files, chain breaks or bad signatures)"
        : report.digestsChecked() == 0 ? "not checked: no digest files found, so no log file was checked"
        : "all checks passed"));
    println(out, "  digests checked:   " + report.digestsChecked());
    int logFilePaths = report.logFilePaths();
    long tamperedPaths = report.tampered().stream().map(TamperedFile::path).distinct().count();
    long unlistedPaths = report.unlisted().stream().map(UnlistedFile::path).distinct().count();
    println(out, "  log files found:   " + logFilePaths + " = " + report.verifiedFiles().size() + " verified + " + tamperedPaths
        + " tampered + " + unlistedPaths + " unlisted" + (logFilePaths == report.logFilesFound() ? ""
        : " (" + report.logFilesFound() + " copies: a path under more than one input root is one file, each copy checked)")
        + "; other files ignored: " + report.ignoredFiles());
    println(out, "  verified:          " + report.verifiedFiles().size());
    section(out, "tampered", report.tampered().size());
    report.tampered().forEach(file -> println(out, "    " + file.path() + " (listed in " + file.digest() + "): "
        + file.detail()));
    section(out, "missing", report.missing().size());
    report.missing().forEach(file -> println(out, "    " + file.s3Object() + " (listed in " + file.digest() + ")"));
    section(out, "unlisted", report.unlisted().size());
    Map<String, List<String>> unlistedByExplanation = new TreeMap<>();
    report.unlisted().forEach(file -> unlistedByExplanation.computeIfAbsent(file.explanation(), key -> new ArrayList<>())
        .add(file.path()));
    unlistedByExplanation.forEach((explanation, paths) -> {
      println(out, "    " + paths.size() + " file(s): " + explanation + ":");
      paths.forEach(path -> println(out, "      " + path));
    });
    section(out, "chain breaks", report.chainBreaks().size());
    report.chainBreaks().forEach(chainBreak -> println(out, "    " + chainBreak.kind().code() + " in "
        + chainBreak.chain() + " at " + chainBreak.digest() + ": " + chainBreak.detail()));
    printSignatures(report.signatures(), out);
    if (!report.notes().isEmpty()) {
      println(out, "  notes:");
      report.notes().forEach(note -> println(out, "    " + note));
    }
  }

  /** One line; paths, details and notes come from the archive, so their control characters are escaped. */
  private static void println(PrintWriter out, String line) {
    out.println(TerminalText.value(line));
  }

  private static void section(PrintWriter out, String name, int count) {
    println(out, "  " + (name + ":").concat(" ".repeat(Math.max(1, 19 - name.length() - 1))) + count);
  }

  private static void printSignatures(SignatureCheck signatures, PrintWriter out) {
    if (!signatures.checked()) {
      println(out, "  signatures:        not checked");
      println(out, "    " + signatures.explanation());
      return;
    }
    Map<String, Integer> counts = new TreeMap<>();
    signatures.digests().forEach(digest -> counts.merge(digest.status().code(), 1, Integer::sum));
    println(out, "  signatures:        " + (counts.isEmpty() ? "no digests" : String.join(", ",
        counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList())));
    List<DigestSignature> problems = signatures.digests().stream()
        .filter(digest -> digest.status() != SignatureStatus.VALID).toList();
    problems.forEach(digest -> println(out, "    " + digest.status().code() + " " + digest.digest() + ": "
        + digest.detail()));
  }
}
