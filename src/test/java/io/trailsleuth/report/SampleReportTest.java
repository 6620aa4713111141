package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * sample-logs/REPORT.md is the committed report of sample-logs/AWSLogs, so visitors see the output without running
 * anything. This test reruns its exact command and fails when the file is stale; with
 * {@code -Dtrailsleuth.updateGolden=true} it keeps the new file.
 */
class SampleReportTest {
  private static final Path REPORT = Path.of("sample-logs", "REPORT.md");

  @Test
  void committedSampleReportMatchesAFreshInvestigation() throws Exception {
    // The input is AWSLogs/, not sample-logs/, so REPORT.md is not itself an input file of the report.
    String committed = Files.exists(REPORT) ? Files.readString(REPORT, StandardCharsets.UTF_8) : null;
    String fresh;
    try {
      ReportRun run = ReportRun.of("investigate", "sample-logs/AWSLogs", "--out", "sample-logs/REPORT.md");
      assertThat(run.exitCode()).as(run.err()).isZero();
      fresh = Files.readString(REPORT, StandardCharsets.UTF_8);
    } finally {
      if (!GoldenReportTest.UPDATE) {
        if (committed == null) {
          Files.deleteIfExists(REPORT);
        } else {
          Files.writeString(REPORT, committed, StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(fresh).contains("trailsleuth investigate sample-logs/AWSLogs --out sample-logs/REPORT.md")
        .doesNotContain("/tmp/");
    if (!GoldenReportTest.UPDATE) {
      assertThat(committed).as("sample-logs/REPORT.md is missing; run with -Dtrailsleuth.updateGolden=true").isNotNull();
      assertThat(fresh).as("sample-logs/REPORT.md is stale; run with -Dtrailsleuth.updateGolden=true").isEqualTo(committed);
    }
  }
}
