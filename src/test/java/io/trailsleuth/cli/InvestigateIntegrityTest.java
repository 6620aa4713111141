package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvestigateIntegrityTest {
  @TempDir
  Path temp;

  private JsonNode investigate(Path archive, Path report) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "investigate", "-q", archive.toString(),
        "--out", report.toString(), "--json", "-");
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void reportsEveryCitedFileAsVerifiedWhenTheArchiveMatchesItsDigests() throws IOException {
    Path report = temp.resolve("report.md");

    JsonNode findings = investigate(Path.of("sample-logs", "AWSLogs"), report);

    assertThat(findings.path("integrity").path("passed").asBoolean()).isTrue();
    assertThat(findings.path("integrity").path("verifiedFiles")).hasSize(651);
    String markdown = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(markdown).contains("## Evidence integrity", "All checks passed.");
    assertThat(markdown.lines().filter(line -> line.startsWith("| `") && line.endsWith("| verified |"))).isNotEmpty();
    assertThat(markdown).doesNotContain("| tampered |");
  }

  @Test
  void marksTheCitedFileTamperedWhenItsContentNoLongerMatchesItsDigest() throws IOException {
    Path archive = temp.resolve("archive");
    ArchiveCopies.copyTree(Path.of("sample-logs", "AWSLogs"), archive.resolve("AWSLogs"));
    Path deleteRoleFile = findFileContaining(archive, "\"DeleteRole\"", "billing-worker-exec");
    rewriteGzip(deleteRoleFile, text -> text.replace("\"sourceIPAddress\":\"", "\"sourceIPAddress\":\"1"));
    Path report = temp.resolve("report.md");

    JsonNode findings = investigate(archive, report);

    assertThat(findings.path("integrity").path("passed").asBoolean()).isFalse();
    assertThat(findings.path("integrity").path("tampered").get(0).path("path").asText())
        .isEqualTo(archive.relativize(deleteRoleFile).toString());
    String markdown = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(markdown).contains("**Problems found.**", "**Tampered:**");
    assertThat(markdown.lines().filter(line -> line.startsWith("| `") && line.contains("| DeleteRole |"))).singleElement()
        .satisfies(line -> assertThat(line).endsWith("| tampered |"));
  }

  @Test
  void stillChecksTheFileInputsAgainstTheirDigestsWhenStandardInputIsReadToo() throws IOException {
    Path report = temp.resolve("report.md");
    InputStream stdin = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try {
      System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(
          io.trailsleuth.pipeline.TestStores.fixture("trail-records/compact.json"))));
      code = Main.run(new PrintWriter(out), new PrintWriter(err), "investigate", "-q", "sample-logs/AWSLogs", "-",
          "--out", report.toString(), "--json", "-");
    } finally {
      System.setIn(stdin);
    }

    assertThat(code).as(err.toString()).isZero();
    JsonNode integrity = new ObjectMapper().readTree(out.toString()).path("integrity");
    assertThat(integrity.path("passed").asBoolean()).isTrue();
    assertThat(integrity.path("verifiedFiles")).hasSize(651);
    assertThat(integrity.path("notes").toString()).contains("standard input (-) cannot be verified");
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("All checks passed.")
        .doesNotContain("made from an existing store");
  }

  @Test
  void saysNotCheckedRatherThanPassedWhenTheInputsHoldNoDigest() throws IOException {
    Path report = temp.resolve("report.md");

    JsonNode integrity = investigate(fixture("trail-records"), report).path("integrity");

    assertThat(integrity.path("status").asText()).isEqualTo("not-checked");
    assertThat(integrity.path("passed").asBoolean()).isFalse();
    assertThat(integrity.path("signatures").path("explanation").asText()).contains("the inputs hold no digest file")
        .doesNotContain("hashes and chain were checked");
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains("Not checked: no CloudTrail digest file is among the inputs of this run").doesNotContain("All checks passed");
  }

  @Test
  void marksEvidenceFromAnEarlierIngestNotCheckedRatherThanUnverified() throws IOException {
    Path store = temp.resolve("store");
    CliRun first = CliRun.of("investigate", "-q", Path.of("sample-logs", "AWSLogs").toString(), "--store", store.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path report = temp.resolve("report.md");

    CliRun second = CliRun.of("investigate", "-q", fixture("other-json").toString(), "--store",
        store.toString(), "--out", report.toString());

    assertThat(second.exitCode()).as(second.err()).isZero();
    List<String> evidence = Files.readString(report, StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith("| `") && line.contains("/CloudTrail/")).toList();
    assertThat(evidence).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("| not checked |"));
  }

  private static Path findFileContaining(Path root, String first, String second) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(p -> p.toString().endsWith(".json.gz") && p.toString().contains("/CloudTrail/")).sorted().toList()) {
        String text = gunzip(path);
        if (text.contains(first) && text.contains(second)) {
          return path;
        }
      }
    }
    throw new AssertionError("no file holds " + first);
  }

  private static String gunzip(Path path) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void rewriteGzip(Path path, java.util.function.UnaryOperator<String> change) throws IOException {
    String changed = change.apply(gunzip(path));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(changed.getBytes(StandardCharsets.UTF_8));
    }
  }
}
