package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed sample reports (sample-logs/REPORT.md of sample-logs/AWSLogs, and the regional-download scenario's
 * reports before and after its CLI outputs were collected), so visitors see the output without running anything.
 * This test reruns each exact command and fails when a file is stale; with {@code -Dtrailsleuth.updateGolden=true} it
 * keeps the new file.
 */
class SampleReportTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "sample-logs/REPORT.md;sample-logs/AWSLogs",
      "sample-logs/regional-download/REPORT.md;sample-logs/regional-download/AWSLogs",
      "sample-logs/regional-download/REPORT-with-collected.md;sample-logs/regional-download/AWSLogs "
          + "sample-logs/regional-download/collected"})
  void committedSampleReportMatchesAFreshInvestigation(String reportPath, String inputs) throws Exception {
    // The inputs do not include the report, so it is not itself an input file of the report.
    Path report = Path.of(reportPath);
    String committed = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null;
    String fresh;
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("investigate"));
    args.addAll(java.util.List.of(inputs.split(" ")));
    args.addAll(java.util.List.of("--out", reportPath));
    try {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isZero();
      fresh = Files.readString(report, StandardCharsets.UTF_8);
    } finally {
      if (!GoldenReportTest.UPDATE) {
        if (committed == null) {
          Files.deleteIfExists(report);
        } else {
          Files.writeString(report, committed, StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(fresh).contains("trailsleuth " + String.join(" ", args)).doesNotContain("/tmp/");
    if (!GoldenReportTest.UPDATE) {
      assertThat(committed).as(reportPath + " is missing; run with -Dtrailsleuth.updateGolden=true").isNotNull();
      assertThat(fresh).as(reportPath + " is stale; run with -Dtrailsleuth.updateGolden=true").isEqualTo(committed);
    }
  }
}
