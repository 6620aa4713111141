package io.trailsleuth.cli;

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
