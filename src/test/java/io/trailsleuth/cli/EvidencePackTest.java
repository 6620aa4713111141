package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --evidence DIR}: a pack that sha256sum checks, whose records match their sources, the same on every run. */
final class EvidencePackTest {
  private static final Path ARCHIVE = Path.of("sample-logs", "AWSLogs");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path temp;

  @Test
  void writesAPackThatSha256sumChecksAndWhoseRecordsStandInTheirSourcesAsWritten() throws Exception {
    Path pack = temp.resolve("pack");

    CliRun run = CliRun.of("investigate", "-q", ARCHIVE.toString(), "--evidence", pack.toString(), "--html",
        temp.resolve("report.html").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("evidence pack: " + pack + " (10 records, 4 digest files)");
    assertThat(pack.resolve("README.txt")).content().contains("sha256sum -c MANIFEST.sha256", "trailsleuth verify");
    assertThat(pack.resolve("report.html")).exists();
    assertThat(pack.resolve("report.md")).content().contains("# Incident report");
    assertThat(sha256sumCheck(pack, "MANIFEST.sha256")).isZero();
    assertThat(sha256sumCheck(ARCHIVE, pack.resolve("SOURCES.sha256").toAbsolutePath().toString())).isZero();
    assertThat(Files.readAllLines(pack.resolve("MANIFEST.sha256")).stream().filter(line -> !line.startsWith("#")))
        .hasSize(countFiles(pack) - 1);
    try (Stream<Path> digests = Files.walk(pack.resolve("digests"))) {
      assertThat(digests.filter(p -> p.toString().endsWith(".json.gz"))).hasSize(4);
    }

    JsonNode findings = MAPPER.readTree(pack.resolve("findings.json").toFile());
    Map<String, String> sourceOf = new TreeMap<>();
    for (String section : List.of("breakages", "atRisk")) {
      for (JsonNode finding : findings.path(section)) {
        for (JsonNode evidence : finding.path("evidence")) {
          sourceOf.put(evidence.path("eventId").asText(), evidence.path("sourceFile").asText());
        }
      }
    }
    assertThat(sourceOf).hasSize(10);
    for (Map.Entry<String, String> cited : sourceOf.entrySet()) {
      String record = Files.readString(pack.resolve("records/" + cited.getKey() + ".json"), StandardCharsets.UTF_8);
      assertThat(MAPPER.readTree(record).path("eventID").asText()).isEqualTo(cited.getKey());
      assertThat(gunzip(ARCHIVE.resolve(cited.getValue()))).as("the record's bytes in its source file").contains(record);
    }
  }

  @Test
  void packsTheFindingsJsonAndTheReportsByteForByteAsTheirOwnOptionsWriteThemAndHashesTheFilesWritten() throws Exception {
    Path pack = temp.resolve("pack");
    Path json = temp.resolve("findings.json");
    Path report = temp.resolve("report.md");
    Path html = temp.resolve("report.html");

    CliRun run = CliRun.of("investigate", "-q", ARCHIVE.toString(), "--evidence", pack.toString(), "--json",
        json.toString(), "--out", report.toString(), "--html", html.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(pack.resolve("findings.json")).hasSameBinaryContentAs(json);
    assertThat(pack.resolve("report.md")).hasSameBinaryContentAs(report);
    assertThat(pack.resolve("report.html")).hasSameBinaryContentAs(html);
    Map<String, String> manifest = new TreeMap<>();
    for (String line : Files.readAllLines(pack.resolve("MANIFEST.sha256"))) {
      if (!line.startsWith("#")) {
        manifest.put(line.substring(66), line.substring(0, 64));
      }
    }
    for (String name : List.of("findings.json", "report.md", "report.html")) {
      assertThat(manifest.get(name)).as(name).isEqualTo(sha256(json.resolveSibling(name)));
    }
  }

  @Test
  void writesTheSameBytesOnEveryRunAndRefusesADirectoryThatIsNotEmpty() throws Exception {
    Path store = temp.resolve("store");
    Path pack = temp.resolve("pack");
    assertThat(CliRun.of("ingest", "-q", ARCHIVE.toString(), "--store", store.toString()).exitCode()).isZero();
    assertThat(CliRun.of("analyze", "--store", store.toString(), "--evidence", pack.toString()).exitCode()).isZero();
    Map<String, byte[]> first = contents(pack);
    Files.move(pack, temp.resolve("first"));

    CliRun again = CliRun.of("analyze", "--store", store.toString(), "--evidence", pack.toString());
    CliRun refused = CliRun.of("analyze", "--store", store.toString(), "--evidence", pack.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    Map<String, byte[]> second = contents(pack);
    assertThat(second.keySet()).isEqualTo(first.keySet()).contains("MANIFEST.sha256", "README.txt", "SOURCES.sha256",
        "findings.json", "report.md");
    second.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(first.get(name)));
    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("--evidence " + pack + " exists and is not empty");
    assertThat(contents(pack).keySet()).isEqualTo(first.keySet());
  }

  @Test
  void refusesToPackARecordWhoseSourceFileChangedSinceTheIngestAndLeavesNoHalfPack() throws Exception {
    Path archive = temp.resolve("archive");
    Path store = temp.resolve("store");
    Path findings = temp.resolve("findings.json");
    String cited = investigateACopy(archive, store, findings);
    Files.write(archive.resolve(cited), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    Path pack = temp.resolve("pack");

    CliRun run = CliRun.of("analyze", "--store", store.toString(), "--evidence", pack.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.err()).contains("cannot write the evidence pack", cited, "changed since it was ingested");
    assertThat(pack).doesNotExist();
  }

  @Test
  void writesEveryReportBeforeFailingOnThePack() throws Exception {
    Path archive = temp.resolve("archive");
    Path store = temp.resolve("store");
    Path findings = temp.resolve("findings.json");
    String cited = investigateACopy(archive, store, findings);
    Files.delete(archive.resolve(cited));
    Path report = temp.resolve("report.md");
    Path html = temp.resolve("report.html");
    Path json = temp.resolve("again.json");

    CliRun run = CliRun.of("analyze", "--store", store.toString(), "--evidence", temp.resolve("pack").toString(),
        "--out", report.toString(), "--html", html.toString(), "--json", json.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.err()).contains("cannot write the evidence pack", cited);
    assertThat(report).content().contains("# Incident report");
    assertThat(html).exists();
    assertThat(MAPPER.readTree(json.toFile()).path("breakages")).isEqualTo(MAPPER.readTree(findings.toFile()).path("breakages"));
    assertThat(temp.resolve("pack")).doesNotExist();
  }

  @Test
  void writesAPackOfTheRecordsOfOneFileGivenAsTheInput() throws Exception {
    Path logs = temp.resolve("logs");
    Files.createDirectories(logs);
    Path file = Files.copy(Path.of("src/test/resources/golden/seed-story/input/cloudtrail.jsonl"),
        logs.resolve("cloudtrail.jsonl"));
    Path pack = temp.resolve("pack");

    CliRun run = CliRun.of("investigate", "-q", file.toString(), "--evidence", pack.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(sha256sumCheck(pack, "MANIFEST.sha256")).isZero();
    assertThat(sha256sumCheck(logs, pack.resolve("SOURCES.sha256").toAbsolutePath().toString())).isZero();
    try (Stream<Path> records = Files.list(pack.resolve("records"))) {
      assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .contains(Files.readString(record, StandardCharsets.UTF_8)));
    }
  }

  @Test
  void refusesAPackOfStandardInputBeforeReadingIt() {
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("investigate", ARCHIVE.toString(), "-", "--evidence", temp.resolve("pack").toString(),
        "--out", report.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--evidence copies each cited record from its source file, and standard input (-)"
        + " cannot be read again");
    assertThat(report).doesNotExist();
  }

  /** Investigates a copy of the sample archive into a named store; the source file of the first cited event. */
  private static String investigateACopy(Path archive, Path store, Path findings) throws IOException {
    ArchiveCopies.copyTree(ARCHIVE, archive);
    assertThat(CliRun.of("investigate", "-q", archive.toString(), "--store", store.toString(), "--json",
        findings.toString()).exitCode()).isZero();
    return MAPPER.readTree(findings.toFile()).path("breakages").get(0).path("evidence").get(0).path("sourceFile")
        .asText();
  }

  private static int sha256sumCheck(Path directory, String manifest) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("sha256sum", "--strict", "-c", manifest).directory(directory.toFile())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "sha256sum is not installed");
      throw e;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    assertThat(output).doesNotContain("FAILED", "WARNING");
    return code;
  }

  private static int countFiles(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return (int) walk.filter(Files::isRegularFile).count();
    }
  }

  private static Map<String, byte[]> contents(Path directory) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
