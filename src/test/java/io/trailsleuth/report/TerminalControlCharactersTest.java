package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escape sequences, title changes, bells, carriage returns, DEL and C1 controls in log names never reach a terminal. */
final class TerminalControlCharactersTest {
  private static final String ROLE = "r\u001b[2J\u001b]0;owned\u0007";
  private static final String FUNCTION = "f\u001b[31mRED\rX\u009b\u007f";
  /** Every control character but the line feed that ends each line. */
  private static final String CONTROLS = "[\\p{Cntrl}\\x{80}-\\x{9f}&&[^\\n]]";

  @TempDir
  Path temp;

  @Test
  void consoleSummaryAndReportShellCommandsShowControlCharactersEscaped() throws Exception {
    Path logs = temp.resolve("logs");
    // FUNCTION is at risk, so the fix lists its commands
    ReportStories.sharedRoleAtRisk(ROLE, FUNCTION).write(logs, "story.jsonl");
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("investigate", logs.toString(), "-q", "--out", report.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("function:f\\x1b[31mRED\\x0dX\\x9b\\x7f").contains("role r\\x1b[2J\\x1b]0;owned\\x07")
        .doesNotContainPattern(CONTROLS);
    String markdown = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(markdown.lines().filter(line -> line.startsWith("aws "))).isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContainPattern(CONTROLS));
    assertThat(markdown).doesNotContainPattern(CONTROLS);
  }

  @Test
  void jsonOutputsEscapeEveryControlCharacterAndKeepTheValue() throws Exception {
    Path logs = temp.resolve("logs");
    ReportStories.sharedRoleAtRisk(ROLE, FUNCTION).write(logs, "story.jsonl");

    CliRun findings = CliRun.of("investigate", logs.toString(), "-q", "--json", "-");
    CliRun timeline = CliRun.of("timeline", logs.toString(), "--format", "jsonl");

    assertThat(findings.exitCode()).as(findings.err()).isZero();
    assertThat(findings.out()).doesNotContainPattern(CONTROLS).contains("\\u009B\\u007F");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(findings.out()).path("atRisk").get(0)
        .path("functionName").asText()).isEqualTo(FUNCTION);
    assertThat(timeline.exitCode()).as(timeline.err()).isZero();
    assertThat(timeline.out()).doesNotContainPattern(CONTROLS).contains("\\u009B");
  }

  @Test
  void errorMessagesShowControlCharactersInFileNamesEscaped() throws Exception {
    Path missing = temp.resolve("gone\u001b[2J\u0007.json");

    CliRun run = CliRun.of("investigate", missing.toString());

    assertThat(run.err()).contains("gone\\x1b[2J\\x07.json").doesNotContainPattern(CONTROLS);
  }
}
