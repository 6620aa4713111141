package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --verify PATH} checks the archive a store came from against its digests, as {@code investigate} does:
 * an {@code ingest} (or a Spark job) followed by it writes {@code investigate}'s report, not one without the checks.
 */
final class AnalyzeVerifyTest {
  private static final String SAMPLE_LOGS = "sample-logs/AWSLogs";

  @TempDir
  Path temp;

  @Test
  void ingestThenAnalyzeWithVerifyWritesTheReportInvestigateWrites() throws IOException {
    Path store = temp.resolve("store");
    assertThat(CliRun.of("ingest", "-q", SAMPLE_LOGS, "--store", store.toString()).exitCode()).isZero();

    CliRun analyzed = CliRun.of("analyze", "--store", store.toString(), "--verify", SAMPLE_LOGS,
        "--out", temp.resolve("analyze.md").toString(), "--json", temp.resolve("analyze.json").toString());
    CliRun investigated = CliRun.of("investigate", "-q", SAMPLE_LOGS,
        "--out", temp.resolve("investigate.md").toString(), "--json", temp.resolve("investigate.json").toString());

    assertThat(analyzed.exitCode()).isZero();
    assertThat(investigated.exitCode()).isZero();
    assertThat(read("analyze.json")).isEqualTo(read("investigate.json")).contains("\"verifiedFiles\"");
    assertThat(withoutCommandLine("analyze.md")).isEqualTo(withoutCommandLine("investigate.md"))
        .anyMatch(line -> line.startsWith("## Evidence integrity"));
  }

  @Test
  void analyzeWithoutVerifyReportsThatDigestsWereNotChecked() throws IOException {
    Path store = temp.resolve("store");
    assertThat(CliRun.of("ingest", "-q", SAMPLE_LOGS, "--store", store.toString()).exitCode()).isZero();

    assertThat(CliRun.of("analyze", "--store", store.toString(), "--json", temp.resolve("plain.json").toString(),
        "--out", temp.resolve("plain.md").toString()).exitCode()).isZero();

    assertThat(read("plain.json")).contains("\"integrity\" : null").doesNotContain("\"verifiedFiles\"");
  }

  @Test
  void verifyRefusesStandardInputAndMissingPaths() {
    CliRun stdin = CliRun.of("analyze", "--store", temp.resolve("none").toString(), "--verify", "-");
    CliRun missing = CliRun.of("analyze", "--store", temp.resolve("none").toString(), "--verify",
        temp.resolve("absent").toString());

    assertThat(stdin.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(stdin.err()).contains("--verify").contains("standard input");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("no such file or directory");
  }

  @Test
  void signatureFilesWithoutVerifyAreAUsageErrorAndAWrongStoreIsReportedBeforeTheArchiveIsRead() throws IOException {
    Path keys = Files.writeString(temp.resolve("keys.json"), "{}");
    CliRun keysOnly = CliRun.of("analyze", "--store", temp.resolve("none").toString(), "--public-keys", keys.toString(),
        "--signatures", keys.toString());
    CliRun wrongStore = CliRun.of("analyze", "--store", temp.resolve("none").toString(), "--verify", SAMPLE_LOGS);

    assertThat(keysOnly.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(keysOnly.err()).contains("--verify PATH");
    assertThat(wrongStore.exitCode()).isNotZero();
    assertThat(wrongStore.err()).contains(temp.resolve("none").toString());
  }

  private String read(String name) throws IOException {
    return Files.readString(temp.resolve(name), StandardCharsets.UTF_8);
  }

  private List<String> withoutCommandLine(String name) throws IOException {
    return Files.readAllLines(temp.resolve(name), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("- Command: `trailsleuth ")).toList();
  }
}
